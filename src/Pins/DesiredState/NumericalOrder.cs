namespace OciCleanup.Pins.DesiredState;

/// <summary>
/// <c>spec.policy.numerical.order</c>: every value must be a number (Go <c>strconv.ParseFloat</c>) or Flux
/// picks nothing; <c>asc</c> (the default) takes the greatest, <c>desc</c> the least. Values equal as
/// numbers (<c>7</c>, <c>07</c>, <c>7.0</c>) are all elected: Flux keeps whichever it meets last.
/// Number forms oci-cleanup does not evaluate like Go (hex, <c>_</c>, <c>inf</c>, <c>nan</c>) elect every value.
/// </summary>
public sealed record NumericalOrder(bool Ascending) : TagOrder
{
    /// <inheritdoc />
    public override TagPick Choose(IReadOnlyCollection<string> values)
    {
        if (values.Count == 0)
        {
            return TagPick.Nothing("no tag to order: Flux picks nothing");
        }

        var numbers = new List<(string Value, double Number)>();
        var unsure = new List<string>();
        foreach (var value in values)
        {
            if (GoFloat.TryParse(value, out var number, out var certain))
            {
                numbers.Add((value, number));
            }
            else if (certain)
            {
                return TagPick.Nothing($"'{value}' is not a number: Flux's numerical policy picks nothing");
            }
            else
            {
                unsure.Add(value);
            }
        }

        if (unsure.Count > 0)
        {
            return new TagPick([.. values], [$"'{unsure[0]}' is a number form oci-cleanup does not compare like Flux: every admitted tag is protected"]);
        }

        var best = Ascending ? numbers.Max(n => n.Number) : numbers.Min(n => n.Number);
        return TagPick.Of(numbers.Where(n => n.Number == best).Select(n => n.Value));
    }

    /// <inheritdoc />
    public override string Describe() => $"numerical {(Ascending ? "asc" : "desc")}";
}
