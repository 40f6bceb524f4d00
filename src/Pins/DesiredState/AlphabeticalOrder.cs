namespace OciCleanup.Pins.DesiredState;

/// <summary>
/// <c>spec.policy.alphabetical.order</c>: image-reflector-controller sorts the values as Go strings
/// (byte order) and takes the greatest for <c>asc</c> (the default), the least for <c>desc</c>.
/// </summary>
public sealed record AlphabeticalOrder(bool Ascending) : TagOrder
{
    /// <inheritdoc />
    public override TagPick Choose(IReadOnlyCollection<string> values)
    {
        if (values.Count == 0)
        {
            return TagPick.Nothing("no tag to order: Flux picks nothing");
        }

        var sorted = values.Order(StringComparer.Ordinal);
        return TagPick.Of(Ascending ? sorted.Last() : sorted.First());
    }

    /// <inheritdoc />
    public override string Describe() => $"alphabetical {(Ascending ? "asc" : "desc")}";
}
