using System.Collections.Immutable;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Cleaner.Reporting;

namespace OciCleanup.Cleaner;

/// <summary>How a <see cref="CleanupRun"/> is to go, as the command that starts it decides.</summary>
/// <param name="Mode">Dry-run or delete.</param>
internal sealed record RunOptions(RunMode Mode)
{
    /// <summary>False for <c>explain</c>: a look at the fleet never moves a breaker baseline.</summary>
    public bool MovesBaselines { get; init; } = true;

    /// <summary>Sources whose shrink the operator accepted (<c>run --accept-shrink SOURCE</c>).</summary>
    public ImmutableHashSet<string> AcceptShrink { get; init; } = [];

    /// <summary>Why no delete may start even if everything else is fine (e.g. the report cannot be written).</summary>
    public string? DeleteHold { get; init; }

    /// <summary>
    /// <c>plan</c> and <c>apply</c>: a reviewed plan's size is the operator's approval, so
    /// <c>maxDeletes</c>/<c>maxDeleteFraction</c> do not block (failed sources and the breaker still do).
    /// </summary>
    public bool SizeApproved { get; init; }

    /// <summary>The run's id, on each audit line (<c>restore --run</c>).</summary>
    public string? RunId { get; init; }

    /// <summary><c>apply</c>: the reviewed plan; nothing outside it is deleted.</summary>
    public Plans.PlanFile? Approved { get; init; }

    /// <summary>Where the run tells its steps (a terminal's progress display); nowhere by default.</summary>
    public IRunProgress Progress { get; init; } = NoProgress.Instance;
}
