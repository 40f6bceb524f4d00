using System.Collections.Immutable;
using System.Runtime.InteropServices;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Cleaner.Execution;
using OciCleanup.Cleaner.Planning;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>Turns a run's facts into the report (docs/reports.md, "Report formats").</summary>
internal static class ReportBuilder
{
    public static RunReport Build(RunFacts facts)
    {
        var shrinks = facts.Shrinks.ToDictionary(s => s.Source);
        // Registries list versions, not references: their entries carry no reference count.
        var sources = facts.InventorySources.Select(s => Entry(s, references: null))
            .Concat(facts.ProtectedSet.Sources.Select(s => Entry(s, s.Status == SourceStatus.Ok ? s.Protections.Length : null) with
            {
                Baseline = facts.Baselines.TryGetValue(s.Name, out var b) ? b.Targets : null,
                ShrinkAccepted = shrinks.TryGetValue(s.Name, out var shrink) && shrink.Accepted ? true : null,
                Notes = Notes(s, shrinks.GetValueOrDefault(s.Name)),
            }))
            .ToImmutableArray();
        if (!facts.ValidationErrors.IsEmpty)
        {
            sources = sources.Add(new SourceEntry("validation:kept-indexes", "failed", null, string.Join("; ", facts.ValidationErrors), null));
        }

        if (facts.Stopped is { } stopped)
        {
            sources = sources.Add(new SourceEntry("run:signal", "failed", null, stopped, null));
        }

        // 100k decisions mostly share their reason lists (the planner's per-policy ones): so do their entries.
        var entries = new Dictionary<Reason[], ImmutableArray<ReasonEntry>>(ReferenceEqualityComparer.Instance);
        var entryOf = new Dictionary<Reason, ReasonEntry>(ReferenceEqualityComparer.Instance);
        ReasonEntry EntryOf(Reason r)
        {
            if (!entryOf.TryGetValue(r, out var entry))
            {
                entryOf[r] = entry = new ReasonEntry(r.Kind, r.Origin);
            }

            return entry;
        }

        var decisions = facts.Plan.Decisions.Select(d =>
        {
            var outcome = facts.Outcomes.GetValueOrDefault(d.Version.Key);
            var reasons = ImmutableCollectionsMarshal.AsArray(d.Reasons)!;
            if (!entries.TryGetValue(reasons, out var reasonEntries))
            {
                entries[reasons] = reasonEntries = [.. d.Reasons.Select(EntryOf)];
            }

            return new DecisionEntry(
                d.Version.Ref, d.Version.CreatedAt,
                d.Action == DecisionAction.Keep ? "keep" : "delete",
                reasonEntries,
                outcome?.Result, outcome?.Detail);
        }).ToImmutableArray();
        var summary = new Summary(
            decisions.Length,
            decisions.Count(d => d.Action == "keep"),
            decisions.Count(d => d.Action == "delete"),
            facts.Outcomes.Values.Count(o => o is DeleteOutcome.Deleted),
            facts.Outcomes.Values.Count(o => o is DeleteOutcome.Failed),
            facts.BlockedReason is not null,
            facts.BlockedReason);
        var (bytes, byPackage) = ReclaimableBytes.Of(decisions, facts.Blobs);
        summary = summary with { ReclaimableBytes = bytes, PackageBytes = byPackage };
        return new RunReport(1, facts.Mode == RunMode.Delete ? "delete" : "dry-run", facts.StartedAt, facts.FinishedAt, sources, decisions, summary) { Warnings = facts.Warnings, RunId = facts.RunId, Rollback = facts.Rollback.IsEmpty ? null : facts.Rollback };
    }

    private static ImmutableArray<string>? Notes(SourceResult s, ShrinkFinding? shrink)
    {
        var notes = shrink is null ? s.Notes : s.Notes.Add(shrink.ToString());
        return notes.IsEmpty ? null : notes;
    }

    private static SourceEntry Entry(SourceResult s, int? references) =>
        new(s.Name, s.Status == SourceStatus.Ok ? "ok" : "failed", references, s.Error, s.Notes.IsEmpty ? null : s.Notes);
}
