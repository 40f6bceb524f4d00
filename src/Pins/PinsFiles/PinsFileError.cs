namespace OciCleanup.Pins.PinsFiles;

/// <summary>A line of a pins file that is not a pin, reported as <c>FILE:LINE: message</c>.</summary>
public sealed record PinsFileError(string File, int Line, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}: {Message}";
}
