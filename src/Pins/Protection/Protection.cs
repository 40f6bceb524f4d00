namespace OciCleanup.Pins.Protection;

/// <summary>One thing that must never be deleted, and why.</summary>
public sealed record Protection(ProtectionTarget Target, ProtectionReason Reason)
{
    /// <summary>
    /// A reference to what ran before (an ImagePolicy's previous pick, an older revision's chart in a
    /// release's history): it keeps what still exists, and a version it names that is gone is no warning.
    /// </summary>
    public bool IsHistory { get; init; }
}
