using OciCleanup.Cleaner.Configuration;
using OciCleanup.Cleaner.Inventory;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Planning;

/// <summary>
/// The run-wide checks that block every delete (SPEC §7): failed sources when failing closed,
/// <c>maxDeletes</c>, <c>maxDeleteFraction</c> of any one package, and <c>maxProtectedShrink</c>
/// against the last run. Pure: returns why the run is blocked, or null.
/// </summary>
internal static class SafetyGate
{
    public static string? Check(Plan plan, ProtectedSet protectedSet, int protectedVersions, int? lastProtectedVersions, SafetyConfig safety)
    {
        if (safety.FailClosed && protectedSet.FailedSources is { IsEmpty: false } failed)
        {
            return $"reference source failed: {string.Join("; ", failed.Select(s => $"{s.Name}: {s.Error}"))}";
        }

        var deletes = plan.Deletes.Count();
        if (deletes > safety.MaxDeletes)
        {
            return $"{deletes} planned deletes exceed maxDeletes {safety.MaxDeletes}";
        }

        foreach (var package in plan.Decisions.GroupBy(d => d.Version.Package))
        {
            var total = package.Count();
            var deleted = package.Count(d => d.Action == DecisionAction.Delete);
            if (deleted > 0 && (double)deleted / total > safety.MaxDeleteFraction)
            {
                return $"{deleted} of {total} versions of {package.Key} planned for deletion exceed maxDeleteFraction {safety.MaxDeleteFraction}";
            }
        }

        if (lastProtectedVersions is > 0 and var last && protectedVersions < last * (1 - safety.MaxProtectedShrink))
        {
            return $"protected versions shrank from {last} to {protectedVersions}, more than maxProtectedShrink {safety.MaxProtectedShrink} (a cluster answering with nothing?)";
        }

        return null;
    }
}
