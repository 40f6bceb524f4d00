using System.Collections.Immutable;

namespace OciCleanup.Cleaner.Planning;

/// <summary>
/// One source that names less than its baseline: fewer targets than <c>maxProtectedShrink</c> allows,
/// none after some, or API groups gone from its discovery. Blocks the run unless accepted.
/// </summary>
internal sealed record ShrinkFinding(string Source, int Baseline, int Now, ImmutableArray<string> GroupsGone, bool Accepted)
{
    public override string ToString() =>
        $"{Source} names {Now} protected targets, its baseline is {Baseline}"
        + (GroupsGone.IsEmpty ? "" : $", and no longer serves {string.Join(", ", GroupsGone)}")
        + (Accepted ? " (accepted with --accept-shrink)" : "");
}
