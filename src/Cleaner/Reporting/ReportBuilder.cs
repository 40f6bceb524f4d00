using System.Collections.Immutable;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Cleaner.Execution;
using OciCleanup.Cleaner.Inventory;
using OciCleanup.Cleaner.Planning;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>Turns a run's parts into the report of SPEC §8.</summary>
internal static class ReportBuilder
{
    public static RunReport Build(
        RunMode mode,
        DateTimeOffset startedAt,
        DateTimeOffset finishedAt,
        ImmutableArray<SourceResult> inventorySources,
        ProtectedSet protectedSet,
        Plan plan,
        ImmutableDictionary<VersionKey, DeleteOutcome> outcomes,
        string? blockedReason,
        ImmutableArray<string> validationErrors)
    {
        // Registries list versions, not references: their entries carry no reference count.
        var sources = inventorySources.Select(s => Entry(s, references: null))
            .Concat(protectedSet.Sources.Select(s => Entry(s, s.Status == SourceStatus.Ok ? s.Protections.Length : null)))
            .ToImmutableArray();
        if (!validationErrors.IsEmpty)
        {
            sources = sources.Add(new SourceEntry("validation:kept-indexes", "failed", null, string.Join("; ", validationErrors), null));
        }

        var decisions = plan.Decisions.Select(d =>
        {
            var outcome = outcomes.GetValueOrDefault(d.Version.Key);
            return new DecisionEntry(
                d.Version.Registry, d.Version.Owner, d.Version.Type, d.Version.Name, d.Version.Version,
                d.Version.Digest?.ToString(), d.Version.CreatedAt,
                d.Action == DecisionAction.Keep ? "keep" : "delete",
                [.. d.Reasons.Select(r => new ReasonEntry(r.Kind, r.Detail))],
                outcome?.Result, outcome?.Detail);
        }).ToImmutableArray();
        var blocked = blockedReason;
        var summary = new Summary(
            decisions.Length,
            decisions.Count(d => d.Action == "keep"),
            decisions.Count(d => d.Action == "delete"),
            outcomes.Values.Count(o => o is DeleteOutcome.Deleted),
            outcomes.Values.Count(o => o is DeleteOutcome.Failed),
            blocked is not null,
            blocked);
        return new RunReport(1, mode == RunMode.Delete ? "delete" : "dry-run", startedAt, finishedAt, sources, decisions, summary);
    }

    private static SourceEntry Entry(SourceResult s, int? references) =>
        new(s.Name, s.Status == SourceStatus.Ok ? "ok" : "failed", references, s.Error, s.Notes.IsEmpty ? null : s.Notes);
}
