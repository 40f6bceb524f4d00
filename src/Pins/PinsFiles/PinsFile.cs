using System.Collections.Immutable;

namespace OciCleanup.Pins.PinsFiles;

/// <summary>The rules and errors of one pins file.</summary>
public sealed record PinsFile(string Path, ImmutableArray<PinRule> Rules, ImmutableArray<PinsFileError> Errors)
{
    /// <summary>True when every line was a comment, blank, or a valid pin.</summary>
    public bool IsValid => Errors.IsEmpty;
}
