namespace OciCleanup.Pins.PinsFiles;

/// <summary>A line of a pins file that is not a pin, reported as <c>FILE:LINE: message</c>; line 0 is the whole file (<c>FILE: not found</c>).</summary>
public sealed record PinsFileError(string File, int Line, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}
