using OciCleanup.Cleaner.Configuration;
using OciCleanup.Cleaner.Planning;
using OciCleanup.Cleaner.Reporting;

namespace OciCleanup.Cleaner;

/// <summary>
/// One run from a configuration file as `run`, `plan` and each daemon job see it: the exit code, the
/// report and the planner's decisions when it got that far, how long it took, the configuration it used.
/// </summary>
internal sealed record RunResult(int ExitCode, RunReport? Report, TimeSpan Duration, CleanerConfig? Config)
{
    /// <summary>The planner's decisions, when the run got as far as planning.</summary>
    public Plan? Plan { get; init; }
}
