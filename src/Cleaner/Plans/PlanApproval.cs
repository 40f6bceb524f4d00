using System.Collections.Immutable;
using OciCleanup.Cleaner.Execution;
using OciCleanup.Cleaner.Inventory;
using OciCleanup.Cleaner.Planning;

namespace OciCleanup.Cleaner.Plans;

/// <summary>
/// What <c>apply</c> may delete (docs/reports.md, "Plans: `plan` and `apply`"): a version the reviewed plan lists AND the fresh plan still
/// deletes, with the same digest and creation time — never more, even when the policy was changed to
/// delete more. Everything else the fresh plan would delete stays (for the executor, a keep: an OCI
/// digest it holds is not deleted under it), and every difference is an outcome the report shows. Pure.
/// </summary>
internal static class PlanApproval
{
    public static (Plan Executable, ImmutableDictionary<VersionKey, DeleteOutcome> NotExecuted) Apply(Plan current, PlanFile approved)
    {
        var listed = approved.Deletes.ToDictionary(e => new VersionKey(e.Registry, e.Owner, e.Type, e.Package, e.Version));
        var notExecuted = ImmutableDictionary.CreateBuilder<VersionKey, DeleteOutcome>();
        var decisions = current.Decisions.Select(d =>
        {
            var entry = listed.GetValueOrDefault(d.Version.Key);
            if (d.Action == DecisionAction.Keep)
            {
                if (entry is not null)
                {
                    notExecuted[d.Version.Key] = new DeleteOutcome.Skipped($"in the plan, but kept now: {d.MainReason.Kind} ({d.MainReason.Detail})");
                }

                return d;
            }

            var why = entry is null ? "not in the approved plan"
                : entry.Digest != d.Version.Digest?.ToString() || entry.CreatedAt != d.Version.CreatedAt ? $"changed since the plan (digest {entry.Digest} → {d.Version.Digest}, created {entry.CreatedAt:O} → {d.Version.CreatedAt:O})"
                : null;
            if (why is null)
            {
                return d;
            }

            notExecuted[d.Version.Key] = new DeleteOutcome.Skipped(why);
            return d with { Action = DecisionAction.Keep };
        });
        return (new Plan([.. decisions]), notExecuted.ToImmutable());
    }
}
