using System.Collections.Immutable;
using OciCleanup.Cleaner.Configuration;

namespace OciCleanup.Cleaner.Commands;

/// <summary>What the command line asks of one run, on top of the configuration.</summary>
/// <param name="ModeOverride"><c>--dry-run</c> or <c>--delete</c>, else the configuration's mode.</param>
internal sealed record RunRequest(RunMode? ModeOverride)
{
    /// <summary><c>--accept-shrink SOURCE</c>: shrinks the operator accepts as real.</summary>
    public ImmutableHashSet<string> AcceptShrink { get; init; } = [];

    /// <summary>Why no delete may start (the report's destination could not be opened).</summary>
    public string? DeleteHold { get; init; }

    /// <summary><c>plan</c> and <c>apply</c>: the plan's size is the operator's approval.</summary>
    public bool SizeApproved { get; init; }

    /// <summary><c>apply</c>: the reviewed plan.</summary>
    public Plans.PlanFile? Approved { get; init; }

    /// <summary>The progress display: a terminal's, or none.</summary>
    public Reporting.IRunProgress Progress { get; init; } = Reporting.NoProgress.Instance;
}
