using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Cleaner.Execution;
using OciCleanup.Cleaner.Inventory;
using OciCleanup.Cleaner.Planning;
using OciCleanup.Cleaner.Reporting;
using OciCleanup.Cleaner.Rollback;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner;

/// <summary>
/// One run, in the order of ARCHITECTURE.md, "The pipeline": inventory → protect → plan → act (or, in dry-run, only report).
/// The shells (registries, sources, executor, state) are passed in; the decisions are the planner's.
/// Each registry and each source is a boundary: whatever it throws becomes its failure, never a crash.
/// </summary>
internal sealed class CleanupRun(
    CleanerConfig config,
    IReadOnlyList<IRegistry> registries,
    IReadOnlyList<NamedSource> sources,
    BaselineStore baselines,
    TimeProvider clock,
    ILogger<CleanupRun> logger,
    Inventory.Store.InventoryCache? cache = null)
{
    public IEnumerable<string> SourceNames => sources.Select(s => s.Name);

    public async Task<RunOutcome> ExecuteAsync(RunOptions options, CancellationToken stopping)
    {
        var startedAt = clock.GetUtcNow();
        ImmutableArray<(ImmutableArray<PackageVersion> Versions, SourceResult Source)> inventoried;
        ImmutableArray<SourceResult> collected;
        try
        {
            // The reference sources first, then the registries: the typed Kubernetes pages and release
            // Secrets of the first phase are collected before the registries' pages and manifests
            // arrive, so the peak is the larger phase's, not both at once (bench/Scale, issue 24).
            collected = [.. await Task.WhenAll(sources.Select(s => CollectAsync(s, options.Progress, stopping)))];
            await UnwindAsync("after reading the references");
            inventoried = [.. await Task.WhenAll(registries.Select(r => InventoryAsync(r, options.Progress, stopping)))];
            await UnwindAsync("after reading the fleet");
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            logger.LogWarning("Run stopped (a signal or the daemon's runTimeout) before the fleet was read: nothing deleted");
            var nothing = RunFacts.Empty(options.Mode, startedAt, clock.GetUtcNow()) with
            {
                Stopped = "stopped (SIGTERM/SIGINT or daemon.runTimeout) before the fleet was read",
                BlockedReason = "the run was stopped before the fleet was read: nothing deleted",
            };
            return Finish(nothing, options);
        }

        var (loaded, baselineError) = baselines.Load();
        if (baselineError is not null)
        {
            collected = collected.Add(SourceResult.Failed("state:baselines", baselineError));
        }

        var inventorySources = inventoried.Select(r => r.Source).ToImmutableArray();
        if (options.MovesBaselines && inventorySources.All(s => s.Status == SourceStatus.Ok))
        {
            cache?.Prune(inventoried.Select(r => r.Versions));
        }

        var firstSeenStore = new FirstSeenStore(config.Safety.StateDir);
        var (firstSeen, firstSeenError) = firstSeenStore.Load();
        if (firstSeenError is not null)
        {
            logger.LogWarning("First-seen times: {Error}", firstSeenError);
        }

        var (inventory, seenNow) = CreationTimes.Apply([.. inventoried.SelectMany(r => r.Versions)], firstSeen, clock.GetUtcNow(), inventorySources.All(s => s.Status == SourceStatus.Ok));
        if (options.MovesBaselines && firstSeenStore.Save(seenNow) is { } saveSeenError)
        {
            logger.LogWarning("First-seen times: {Error}", saveSeenError);
        }

        // The rollback window is a source of its own, outside the breaker (it shrinks by design as images age out).
        var rollbackAt = clock.GetUtcNow();
        var rollback = new RollbackStep(config.Rollback, config.Safety.StateDir);
        var rollbackView = rollback.Begin(collected, rollbackAt);
        var withWindow = rollbackView.Source is { } window ? collected.Add(window) : collected;
        var protectedSet = ProtectedSet.Merge(withWindow);
        // An incomplete inventory is a failed source like any other: it blocks deletes.
        var allSources = ProtectedSet.Merge(inventorySources.Concat(withWindow));
        var planStarted = clock.GetTimestamp();
        var planCpuStarted = Environment.CpuUsage.TotalTime;
        var (matched, plan, probed) = MatchAndPlan(inventory, protectedSet, RollbackStep.Probes(rollbackView));
        logger.LogInformation(
            "Matched {Protections} protections and planned {Versions} versions in {PlanMilliseconds} ms ({PlanCpuMilliseconds} ms CPU); heap {HeapMegabytes} MB, GC pauses so far {GcPauseMilliseconds} ms",
            protectedSet.Protections.Length,
            inventory.Length,
            (long)clock.GetElapsedTime(planStarted).TotalMilliseconds,
            (long)(Environment.CpuUsage.TotalTime - planCpuStarted).TotalMilliseconds,
            GC.GetTotalMemory(forceFullCollection: false) / (1024 * 1024),
            (long)GC.GetTotalPauseDuration().TotalMilliseconds);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            foreach (var decision in plan.Decisions)
            {
                logger.LogDebug("{Action} {Version}: {Reasons}", decision.Action, decision.Version, string.Join("; ", decision.Reasons.Select(r => $"{r.Kind} ({r.Detail})")));
            }
        }

        // What matching and planning built on the side (per-version sets, the matcher's indexes) is garbage
        // now; the report is built next, into the room it leaves.
        CollectPhase("after planning");
        var shrinks = ShrinkBreaker.Check(collected, loaded, config.Safety.MaxProtectedShrink, options.AcceptShrink);
        var blockedReason = SafetyGate.Check(plan, allSources, shrinks, config.Safety, options.SizeApproved)
            ?? (options.Mode == RunMode.Delete ? options.DeleteHold : null);
        var warnings = withWindow.SelectMany(s => s.Warnings).Select(w => new ReportWarning(w.Kind, w.Detail)).Concat(matched.Warnings).Distinct().ToImmutableArray();
        warnings = warnings.AddRange(await new KeptIndexValidator(registries.ToDictionary(r => r.Config.Name)).BrokenIndexesAsync(plan, stopping));
        var blobs = config.Report.Sizes ? await BlobSizesAsync(plan, stopping) : ImmutableDictionary<(string, string?), VersionBlobs>.Empty;
        var facts = new RunFacts(options.Mode, startedAt, startedAt, inventorySources, protectedSet, plan, ImmutableDictionary<VersionKey, DeleteOutcome>.Empty, blockedReason, [], loaded, shrinks, null) { Warnings = warnings, Blobs = blobs };
        if (options.Mode == RunMode.Delete && blockedReason is null)
        {
            facts = await DeleteAsync(facts, options, stopping);
        }

        var (reach, gone) = RollbackStep.Reach(rollbackView, probed, facts.Plan, facts.Outcomes, rollbackAt);
        facts = facts with { Rollback = reach };
        if (stopping.IsCancellationRequested)
        {
            facts = facts with { Stopped = "stopped (SIGTERM/SIGINT or daemon.runTimeout): the delete in flight finished, no further delete started" };
        }

        var outcome = Finish(facts, options);
        if (options.MovesBaselines && outcome.ExitCode == ExitCodes.Success)
        {
            // Only a trusted run — neither blocked nor failed — moves the breaker's baselines.
            if (baselines.Save(ShrinkBreaker.Next(collected)) is { } saveError)
            {
                logger.LogWarning("Breaker baselines not saved: {Error}", saveError);
            }

            if (rollback.Save(rollbackView, gone, rollbackAt) is { } saveRollbackError)
            {
                logger.LogWarning("Rollback record not saved: {Error}", saveRollbackError);
            }
        }

        return outcome;
    }

    /// <summary>
    /// The pure core: protections matched and the plan made over one index of the inventory. A method
    /// of its own so that the index (megabytes at 100k versions) is gone once the plan exists, not kept
    /// by the run's state machine until the report is written.
    /// </summary>
    private (MatchResult Matched, Plan Plan, MatchResult Probed) MatchAndPlan(ImmutableArray<PackageVersion> inventory, ProtectedSet protectedSet, ProtectedSet rollbackProbes)
    {
        var index = new InventoryIndex(inventory);
        var matched = ProtectionMatcher.Match(index, protectedSet, config.Registries, config.UnknownHosts);
        var deletesByDigest = registries.Where(r => r.Traits.DeletesByDigest).Select(r => r.Config.Name).ToHashSet();
        // Which versions each earlier image of the rollback record names, for the report's "N rollbacks back".
        var probed = ProtectionMatcher.Match(index, rollbackProbes, config.Registries, config.UnknownHosts);
        return (matched, Planner.Plan(index, matched.Protections, config.Retention, clock.GetUtcNow(), deletesByDigest), probed);
    }

    /// <summary>
    /// <c>report.sizes</c>: the blobs of each distinct manifest (one request each: Gitea's <c>/files</c>,
    /// which counts no download, or the manifest body), for <c>reclaimableBytes</c>. A size that cannot be
    /// read leaves the bytes unknown — the report then shows none rather than too few.
    /// </summary>
    private async Task<ImmutableDictionary<(string, string?), VersionBlobs>> BlobSizesAsync(Plan plan, CancellationToken stopping)
    {
        var byName = registries.ToDictionary(r => r.Config.Name);
        var wanted = plan.Decisions.Select(d => d.Version).Where(v => v.Type == Pins.PinsFiles.PackageTypes.Container && v.Digest is not null)
            .DistinctBy(v => (v.Registry, v.Digest)).ToList();
        var found = new System.Collections.Concurrent.ConcurrentDictionary<(string, string?), VersionBlobs>();
        await PerRegistry.ForEachAsync(wanted, v => byName[v.Registry], async (v, ct) =>
        {
            try
            {
                if (await byName[v.Registry].BlobsAsync(v, ct) is { } blobs)
                {
                    found[(v.Registry, v.Digest?.ToString())] = blobs;
                }
            }
            catch (Exception e) when (e is RegistryException or HttpRequestException or IOException)
            {
                logger.LogWarning("Sizes of {Version} unknown: {Error}", v, e.Message);
            }
        }, stopping);
        return found.ToImmutableDictionary();
    }

    private async Task<RunFacts> DeleteAsync(RunFacts facts, RunOptions options, CancellationToken stopping)
    {
        AuditLog audit;
        try
        {
            audit = AuditLog.Open(config.Report.AuditLog, clock, options.RunId);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return facts with { BlockedReason = $"the audit log {config.Report.AuditLog} cannot be written ({e.Message}): nothing deleted" };
        }

        using (audit)
        {
            var byName = registries.ToDictionary(r => r.Config.Name);
            if (await DeleteRefusalAsync(facts.Plan, byName, stopping) is { } refused)
            {
                return facts with { BlockedReason = refused };
            }

            // apply: only what the reviewed plan lists and the fresh plan still deletes, unchanged.
            var (executable, notExecuted) = options.Approved is not { } approved ? (facts.Plan, ImmutableDictionary<VersionKey, DeleteOutcome>.Empty) : Plans.PlanApproval.Apply(facts.Plan, approved);
            var executor = new DeleteExecutor(byName, audit, logger);
            var outcomes = await executor.ExecuteAsync(executable, stopping);
            // Read-only and short: it runs to the end even when the run was told to stop.
            var validation = await new KeptIndexValidator(byName).ValidateAsync(executable, outcomes, CancellationToken.None);
            var deferred = outcomes.Values.OfType<DeleteOutcome.Deferred>().ToList();
            var warnings = deferred.Count == 0 ? facts.Warnings : facts.Warnings.Add(new ReportWarning(WarningKind.Deferred, $"{deferred.Count} planned deletes deferred to the next run: {deferred[0].Why}"));
            warnings = warnings.AddRange(ForgetContradicted(executor.ContradictedKeptTags, byName));
            return facts with { Outcomes = outcomes.SetItems(notExecuted), ValidationErrors = validation, Warnings = warnings };
        }
    }

    /// <summary>
    /// Drops the inventory-cache entries of kept tags a live read contradicted (issue 24): the incremental
    /// reader re-saves what it reads from the cache, so a wrong entry would otherwise hold its package every night.
    /// </summary>
    private IEnumerable<ReportWarning> ForgetContradicted(IReadOnlyList<PackageVersion> contradicted, Dictionary<string, IRegistry> byName)
    {
        foreach (var inRegistry in cache is null ? [] : contradicted.Where(v => v.Id is not null).GroupBy(v => v.Registry))
        {
            var tags = string.Join(", ", inRegistry);
            var (dropped, error) = cache!.Forget(byName[inRegistry.Key].Config, inRegistry.Select(v => v.Id!.Value).ToHashSet());
            if (error is not null)
            {
                yield return new ReportWarning(WarningKind.InventoryCache, $"kept {tags} not as the plan read it; its inventory-cache entry could not be dropped ({error}): remove that file, or its package's deletes are held again");
            }
            else if (dropped > 0)
            {
                yield return new ReportWarning(WarningKind.InventoryCache, $"kept {tags} not as the plan read it (its package's deletes were held): its inventory-cache entry is dropped, the next run reads it from the registry");
            }
        }
    }

    /// <summary>Whether every registry with planned deletes may delete with its credentials, asked before the first delete.</summary>
    private static async Task<string?> DeleteRefusalAsync(Plan plan, Dictionary<string, IRegistry> byName, CancellationToken stopping)
    {
        foreach (var name in plan.Deletes.Select(d => d.Version.Registry).Distinct())
        {
            try
            {
                if (await byName[name].DeleteRefusalAsync(stopping) is { } refusal)
                {
                    return $"{refusal}: nothing deleted";
                }
            }
            catch (Exception e) when (SourceBoundary.IsFailure(e, stopping))
            {
                return $"registry {name}: whether its credentials may delete could not be read ({e.Message}): nothing deleted";
            }
        }

        return null;
    }

    /// <summary>
    /// Ends a reading phase. An await resumes inline on the stack of the task that finished last, and
    /// that stack still holds its reader, its pages and its pre-describe versions: yielding lets it
    /// unwind (the manifest readers also drop their listed versions, as the unwinding may still be under
    /// way when the collection starts). Then what the phase left behind is collected at once instead of
    /// being carried into the next phase (bench/README.md, issue 24).
    /// </summary>
    private async Task UnwindAsync(string phase)
    {
        await Task.Yield();
        CollectPhase(phase);
    }

    /// <summary>
    /// A phase's garbage collected at once and its memory given back (aggressive: decommitted), so the
    /// next phase does not stack its own on top. One blocking collection of what is live; its time is
    /// in the GC pauses bench/Scale prints.
    /// </summary>
    private void CollectPhase(string phase)
    {
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        MemoryLog.At(logger, phase);
    }

    private RunOutcome Finish(RunFacts facts, RunOptions options)
    {
        var report = ReportBuilder.Build(facts with { FinishedAt = clock.GetUtcNow(), RunId = options.RunId });
        MemoryLog.At(logger, "after building the report");
        var failed = report.Summary.Blocked || report.Summary.Failed > 0 || report.Sources.Any(s => s.Status == "failed");
        logger.LogInformation(
            "Run finished in {Mode} mode: {Versions} versions, {Keep} keep, {Delete} delete, {Deleted} deleted, {Failed} failed, blocked {Blocked}",
            report.Mode, report.Summary.Versions, report.Summary.Keep, report.Summary.Delete, report.Summary.Deleted, report.Summary.Failed, report.Summary.Blocked);
        if (report.Summary.BlockedReason is { } blocked)
        {
            logger.LogWarning("Run blocked: {BlockedReason}", blocked);
        }

        return new RunOutcome(report, facts.Plan, failed ? ExitCodes.Failed : ExitCodes.Success);
    }

    private async Task<(ImmutableArray<PackageVersion> Versions, SourceResult Source)> InventoryAsync(IRegistry registry, IRunProgress progress, CancellationToken stopping)
    {
        var (versions, source) = await SourceBoundary.InventoryAsync(registry, logger, stopping);
        progress.RegistryListed(registry.Config.Name, versions.Select(v => (v.Owner, v.Type, v.Name)).Distinct().Count(), versions.Length, source.Error);
        return (versions, source);
    }

    private async Task<SourceResult> CollectAsync(NamedSource source, IRunProgress progress, CancellationToken stopping)
    {
        var result = await SourceBoundary.CollectAsync(source, logger, stopping);
        progress.SourceCollected(source.Name, result.Protections.Length, result.Error);
        return result;
    }
}

/// <summary>What a run made: the planner's decisions (what a plan file is made of) and the report rendered from them.</summary>
internal sealed record RunOutcome(RunReport Report, Plan Plan, int ExitCode);
