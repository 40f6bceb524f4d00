namespace OciCleanup.Pins.Protection;

/// <summary>A line of a pins file; its detail is <c>FILE:LINE</c>.</summary>
/// <param name="File">The pins file's path as configured.</param>
/// <param name="Line">The line, from 1.</param>
public sealed record PinsLineOrigin(string File, int Line) : ReasonOrigin
{
    /// <inheritdoc />
    public override string Place => $"{File}:{Line}";

    /// <inheritdoc />
    protected override string Text => Place;
}
