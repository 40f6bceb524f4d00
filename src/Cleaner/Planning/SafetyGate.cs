using OciCleanup.Cleaner.Configuration;
using OciCleanup.Cleaner.Inventory;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Planning;

/// <summary>
/// The run-wide checks that block every delete (docs/configuration.md, "A partial picture never deletes"): failed sources when failing closed,
/// <c>maxDeletes</c>, <c>maxDeleteFraction</c> of any one package, and <c>maxProtectedShrink</c>
/// per source against its baseline (<see cref="ShrinkBreaker"/>). Pure: returns why the run is blocked, or null.
/// </summary>
internal static class SafetyGate
{
    public static string? Check(Plan plan, ProtectedSet protectedSet, IEnumerable<ShrinkFinding> shrinks, SafetyConfig safety, bool sizeApproved = false)
    {
        if (safety.FailClosed && protectedSet.FailedSources is { IsEmpty: false } failed)
        {
            return $"reference source failed: {string.Join("; ", failed.Select(s => $"{s.Name}: {s.Error}"))}";
        }

        // Before the delete limits: a source that sees less is the likelier cause of many deletes.
        if (shrinks.Where(s => !s.Accepted).ToList() is { Count: > 0 } shrunk)
        {
            return $"a reference source names less than in the last trusted run (maxProtectedShrink {safety.MaxProtectedShrink}): {string.Join("; ", shrunk)}"
                + $" — a cluster answering with nothing (wrong context, RBAC hiding namespaces)? If the change is real: run --accept-shrink {shrunk[0].Source}";
        }

        if (sizeApproved)
        {
            return null;
        }

        // The way forward for a registry never cleaned: review a plan and apply it; scheduled runs keep the limits.
        const string WayForward = " — to delete this many once, review a plan and apply it: oci-cleanup plan --out plan.json, then oci-cleanup apply plan.json (scheduled runs keep the limits)";
        var deletes = plan.Deletes.Count();
        if (deletes > safety.MaxDeletes)
        {
            return $"{deletes} planned deletes exceed maxDeletes {safety.MaxDeletes}{WayForward}";
        }

        foreach (var package in plan.Decisions.GroupBy(d => d.Version.Package))
        {
            var total = package.Count();
            var deleted = package.Count(d => d.Action == DecisionAction.Delete);
            if (deleted > 0 && (double)deleted / total > safety.MaxDeleteFraction)
            {
                return $"{deleted} of {total} versions of {package.Key} planned for deletion exceed maxDeleteFraction {safety.MaxDeleteFraction}{WayForward}";
            }
        }

        return null;
    }
}
