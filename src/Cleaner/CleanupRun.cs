using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Cleaner.Execution;
using OciCleanup.Cleaner.Inventory;
using OciCleanup.Cleaner.Planning;
using OciCleanup.Cleaner.Reporting;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner;

/// <summary>
/// One run, in the order of SPEC §1: inventory → protect → plan → act (or, in dry-run, only report).
/// The shells (registries, sources, executor, state) are passed in; the decisions are the planner's.
/// </summary>
internal sealed class CleanupRun(
    CleanerConfig config,
    IReadOnlyList<IRegistry> registries,
    IReadOnlyList<IReferenceSource> sources,
    RunState state,
    TimeProvider clock,
    ILogger<CleanupRun> logger)
{
    public async Task<RunOutcome> ExecuteAsync(RunMode mode, CancellationToken cancellationToken)
    {
        var startedAt = clock.GetUtcNow();
        var inventoryResults = await Task.WhenAll(registries.Select(r => InventoryAsync(r, cancellationToken)));
        var inventory = inventoryResults.SelectMany(r => r.Versions).ToImmutableArray();
        var collected = await Task.WhenAll(sources.Select(s => s.CollectAsync(cancellationToken)));
        var protectedSet = ProtectedSet.Merge(collected);
        var inventorySources = inventoryResults.Select(r => r.Source).ToImmutableArray();
        // An incomplete inventory is a failed source like any other: it blocks deletes.
        var allSources = ProtectedSet.Merge(inventorySources.Concat(collected));

        var protections = ProtectionMatcher.Match(inventory, protectedSet, config.Registries);
        var now = clock.GetUtcNow();
        var deletesByDigest = config.Registries.Where(r => r.Kind == RegistryKind.Oci).Select(r => r.Name).ToHashSet();
        var plan = Planner.Plan(inventory, protections, config.Retention, now, deletesByDigest);
        foreach (var decision in plan.Decisions)
        {
            logger.LogDebug("{Action} {Version}: {Reasons}", decision.Action, decision.Version, string.Join("; ", decision.Reasons.Select(r => $"{r.Kind} ({r.Detail})")));
        }

        var protectedCount = protections.Count;
        var blockedReason = SafetyGate.Check(plan, allSources, protectedCount, state.LastProtectedVersions(), config.Safety);
        var outcomes = ImmutableDictionary<VersionKey, DeleteOutcome>.Empty;
        var validationErrors = ImmutableArray<string>.Empty;
        if (mode == RunMode.Delete && blockedReason is null)
        {
            var executor = new DeleteExecutor(registries.ToDictionary(r => r.Config.Name), new AuditLog(config.Report.AuditLog, clock), logger);
            outcomes = await executor.ExecuteAsync(plan, cancellationToken);
            // Read-only and short: it runs to the end even when the run was told to stop.
            validationErrors = await new KeptIndexValidator(registries.ToDictionary(r => r.Config.Name)).ValidateAsync(plan, outcomes, CancellationToken.None);
        }

        if (allSources.FailedSources.IsEmpty)
        {
            // Only a complete picture becomes the baseline for maxProtectedShrink.
            state.Save(protectedCount);
        }

        var report = ReportBuilder.Build(mode, startedAt, clock.GetUtcNow(), inventorySources, protectedSet, plan, outcomes, blockedReason, validationErrors);
        var failed = blockedReason is not null || report.Summary.Failed > 0 || !validationErrors.IsEmpty || !allSources.FailedSources.IsEmpty;
        logger.LogInformation(
            "Run finished in {Mode} mode: {Versions} versions, {Keep} keep, {Delete} delete, {Deleted} deleted, {Failed} failed, blocked {Blocked}",
            report.Mode, report.Summary.Versions, report.Summary.Keep, report.Summary.Delete, report.Summary.Deleted, report.Summary.Failed, report.Summary.Blocked);
        if (blockedReason is not null)
        {
            logger.LogWarning("Run blocked: {BlockedReason}", blockedReason);
        }

        return new RunOutcome(report, failed ? ExitCodes.Failed : ExitCodes.Success);
    }

    private async Task<(ImmutableArray<PackageVersion> Versions, SourceResult Source)> InventoryAsync(IRegistry registry, CancellationToken cancellationToken)
    {
        var name = $"registry:{registry.Config.Name}";
        try
        {
            var versions = await registry.ListVersionsAsync(cancellationToken);
            return (versions, SourceResult.Ok(name, [], [$"{versions.Length} versions"]));
        }
        catch (Exception e) when (e is RegistryException or HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogError("Inventory of {Registry} failed: {Error}", registry.Config.Name, e.Message);
            return ([], SourceResult.Failed(name, e.Message));
        }
    }
}

internal sealed record RunOutcome(RunReport Report, int ExitCode);
