using System.Collections.Immutable;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Cleaner.Execution;
using OciCleanup.Cleaner.Inventory;
using OciCleanup.Cleaner.Planning;
using OciCleanup.Cleaner.Reporting;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Rollback;

/// <summary>
/// The rollback window's part of a run (docs/references.md, "Rollback window"): read the record, fold this run's objects in, protect the
/// window, tell how far back each object can go, and save — the last only after a trusted run.
/// </summary>
internal sealed class RollbackStep(RollbackConfig config, string stateDir)
{
    private readonly RollbackStore _store = new(stateDir);

    public RollbackView Begin(IEnumerable<SourceResult> collected, DateTimeOffset now)
    {
        if (!config.IsOn)
        {
            return RollbackView.Off;
        }

        var (stored, error) = _store.Load();
        if (error is not null)
        {
            return new RollbackView(SourceResult.Failed(RollbackView.SourceName, error), null, []);
        }

        var named = RollbackObjects.Named(collected);
        var record = (stored ?? RollbackRecord.Empty).Observe(named, now);
        var deploys = RollbackWindow.Deploys(record, named, config.Keep, config.Span, now);
        var source = SourceResult.Ok(RollbackView.SourceName, RollbackReasons.Protect(deploys));
        if (stored is null && !named.IsEmpty)
        {
            source = source with { Warnings = [new SourceWarning(WarningKind.RollbackWindowStarts, $"no rollback record in {_store.FilePath} yet: the rollback window starts with this run, and only images the fleet names from now on are kept for rollback")] };
        }

        return new RollbackView(source, record, deploys);
    }

    /// <summary>Every earlier image, as a protection of its own, to find which versions it names (never merged into the protected set).</summary>
    public static ProtectedSet Probes(RollbackView view) => ProtectedSet.Merge([SourceResult.Ok("rollback:probe",
        from deploy in view.Deploys
        from image in deploy.Images
        where Pins.ImageReference.TryParse(image.Image, out _, out _)
        select new Protection(new ImageTarget(Pins.ImageReference.Parse(image.Image)), new ProtectionReason(RollbackReasons.Kind, new ProbeOrigin(deploy.Object, image.Image))) { IsHistory = true })]);

    /// <summary>How far back each object can go after this run, and which earlier images are gone.</summary>
    public static (ImmutableArray<RollbackLine> Lines, ImmutableHashSet<(string Object, string Image)> Gone) Reach(
        RollbackView view, MatchResult probed, Plan plan, IReadOnlyDictionary<VersionKey, DeleteOutcome> outcomes, DateTimeOffset now)
    {
        var versionsOf = probed.Protections.SelectMany(p => p.Value.Where(r => r.Origin is ProbeOrigin).Select(r => (Probe: (ProbeOrigin)r.Origin, p.Key))).ToLookup(x => x.Probe, x => x.Key);
        var deletes = plan.Decisions.Where(d => d.Action == DecisionAction.Delete).Select(d => d.Version.Key).ToHashSet();
        ImageState StateOf(ObjectKey key, SeenImage image)
        {
            var versions = versionsOf[new ProbeOrigin(key, image.Image)].ToList();
            return versions.Count == 0 ? ImageState.Gone
                : versions.Exists(v => outcomes.GetValueOrDefault(v) is DeleteOutcome.Deleted) ? ImageState.DeletedNow
                : versions.Exists(deletes.Contains) ? ImageState.WouldDelete
                : ImageState.Held;
        }

        var gone = view.Deploys.SelectMany(d => d.Images.Where(i => StateOf(d.Object, i) is ImageState.Gone or ImageState.DeletedNow).Select(i => (d.Object.ToString(), i.Image))).ToImmutableHashSet();
        return (RollbackReach.Lines(view.Deploys, StateOf, now), gone);
    }

    /// <summary>After a trusted run only: the record with this run in it, what it found gone, and pruned past the window.</summary>
    public string? Save(RollbackView view, IReadOnlySet<(string Object, string Image)> gone, DateTimeOffset now) =>
        view.Record is { } record ? _store.Save(record.MarkGone(gone, now).Prune(config.Keep, config.Span, now)) : null;
}
