namespace OciCleanup.Pins.Protection;

/// <summary>
/// An origin known only by its text: a stored report written before origins were kept. It is shown as
/// written and never taken apart.
/// </summary>
/// <param name="Written">The detail as the report holds it.</param>
public sealed record TextOrigin(string Written) : ReasonOrigin
{
    /// <inheritdoc />
    public override string Place => Written;

    /// <inheritdoc />
    protected override string Text => Written;
}
