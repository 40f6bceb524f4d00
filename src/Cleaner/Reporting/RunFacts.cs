using System.Collections.Immutable;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Cleaner.Execution;
using OciCleanup.Cleaner.Inventory;
using OciCleanup.Cleaner.Planning;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>Everything a run found and did, from which <see cref="ReportBuilder"/> makes the report.</summary>
internal sealed record RunFacts(
    RunMode Mode,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    ImmutableArray<SourceResult> InventorySources,
    ProtectedSet ProtectedSet,
    Plan Plan,
    ImmutableDictionary<VersionKey, DeleteOutcome> Outcomes,
    string? BlockedReason,
    ImmutableArray<string> ValidationErrors,
    IReadOnlyDictionary<string, SourceBaseline> Baselines,
    ImmutableArray<ShrinkFinding> Shrinks,
    string? Stopped)
{
    /// <summary>What could not be resolved: the report's <c>warnings</c>.</summary>
    public ImmutableArray<ReportWarning> Warnings { get; init; } = [];

    /// <summary>How far back each object can roll back after this run (docs/references.md, "Rollback window").</summary>
    public ImmutableArray<RollbackLine> Rollback { get; init; } = [];

    /// <summary>Blob sizes per (registry, manifest digest), when the run fetched them; empty: no bytes in the report.</summary>
    public IReadOnlyDictionary<(string Registry, string? Digest), VersionBlobs> Blobs { get; init; } = ImmutableDictionary<(string, string?), VersionBlobs>.Empty;

    /// <summary>The run's id, given before the run starts: the report carries it as its log lines and audit lines do.</summary>
    public string? RunId { get; init; }

    /// <summary>A run that stopped before it read anything.</summary>
    public static RunFacts Empty(RunMode mode, DateTimeOffset startedAt, DateTimeOffset finishedAt) =>
        new(mode, startedAt, finishedAt, [], ProtectedSet.Empty, new Plan([]), ImmutableDictionary<VersionKey, DeleteOutcome>.Empty, null, [], ImmutableDictionary<string, SourceBaseline>.Empty, [], null);
}
