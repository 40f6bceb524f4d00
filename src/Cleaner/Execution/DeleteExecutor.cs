using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OciCleanup.Cleaner.Inventory;
using OciCleanup.Cleaner.Planning;

namespace OciCleanup.Cleaner.Execution;

/// <summary>
/// Carries out a plan's deletes, one request each: one version, or where the registry deletes by
/// digest one manifest with every planned tag on it (<see cref="DeleteGroups"/>), each of those tags
/// audited. Each version is re-read just before its delete and skipped when its digest or creation
/// time changed (a re-pushed tag); before the first delete in a package, its kept tags are read live
/// too (<see cref="KeptTagGuard"/>). One failure never stops the rest; cancellation (SIGTERM) stops
/// between deletes, never inside one; an audit log that can no longer be written stops every further
/// delete, since an unaudited delete must not happen.
/// </summary>
internal sealed class DeleteExecutor(IReadOnlyDictionary<string, IRegistry> registries, AuditLog audit, ILogger logger)
{
    private const int MaxFailuresInARow = 3;

    /// <summary>After <see cref="ExecuteAsync"/>: the kept tags a live read contradicted (<see cref="KeptTagGuard.Contradicted"/>).</summary>
    public IReadOnlyList<PackageVersion> ContradictedKeptTags { get; private set; } = [];

    public async Task<ImmutableDictionary<VersionKey, DeleteOutcome>> ExecuteAsync(Plan plan, CancellationToken stopping)
    {
        var outcomes = ImmutableDictionary.CreateBuilder<VersionKey, DeleteOutcome>();
        var keptDigests = plan.Keeps.Where(d => d.Version.Digest is not null).Select(d => (d.Version.Package, d.Version.Digest!.Value)).ToHashSet();
        var keptTags = new KeptTagGuard(plan);
        string? halt = null;
        var failedInARow = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var group in DeleteGroups.Of(DeleteOrder.Of(plan), name => registries[name].Traits.DeletesByDigest))
        {
            var registry = group[0].Registry;
            halt ??= stopping.IsCancellationRequested ? "the run was told to stop (SIGTERM/SIGINT) before this delete" : null;
            var notAttempted = halt
                ?? (failedInARow.GetValueOrDefault(registry) >= MaxFailuresInARow
                    // One failure never stops the rest; a registry that failed every time lately is gone.
                    ? $"not attempted: the last {MaxFailuresInARow} deletes in registry {registry} failed"
                    : null);
            if (notAttempted is null)
            {
                try
                {
                    foreach (var version in group)
                    {
                        audit.Attempt(version);
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    halt = notAttempted = $"the audit log could not be written ({e.Message}); no delete without an audit line";
                }
            }

            if (notAttempted is not null)
            {
                foreach (var version in group)
                {
                    outcomes[version.Key] = new DeleteOutcome.Skipped(notAttempted);
                }

                continue;
            }

            if (registries[registry].DeferReason is { } deferred)
            {
                // Not a failure: a budget spent for the hour; what is left is deleted by a later run.
                foreach (var version in group)
                {
                    outcomes[version.Key] = new DeleteOutcome.Deferred(deferred);
                }

                continue;
            }

            var (held, read) = await keptTags.CheckAsync(group[0].Package, registries[registry]);
            var (results, manifest) = held is null ? await DeleteGroupAsync(group, registries[registry], keptDigests) : (group.ToDictionary(v => v, _ => held), null);
            if (held is null || read)
            {
                // A package held by one failed read counts once, not once per delete it holds.
                failedInARow[registry] = results.Values.Any(o => o is DeleteOutcome.Failed) ? failedInARow.GetValueOrDefault(registry) + 1 : 0;
            }

            foreach (var version in group)
            {
                var outcome = results[version];
                outcomes[version.Key] = outcome;
                logger.LogInformation("Delete {Version}: {Result} {Detail}", version, outcome.Result, outcome.Detail ?? "");
                try
                {
                    audit.Record(version, outcome, manifest);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    halt = $"the audit log could not be written ({e.Message}); no delete without an audit line";
                }
            }
        }

        ContradictedKeptTags = keptTags.Contradicted;
        return outcomes.ToImmutable();
    }

    /// <summary>One DELETE for the group's versions that are still as planned; an outcome for each version.</summary>
    private static async Task<(Dictionary<PackageVersion, DeleteOutcome> Outcomes, RawManifest? Manifest)> DeleteGroupAsync(
        ImmutableArray<PackageVersion> group, IRegistry registry, HashSet<(PackageKey, Pins.Digest)> keptDigests)
    {
        var outcomes = new Dictionary<PackageVersion, DeleteOutcome>();
        var removed = new List<PackageVersion>();
        try
        {
            foreach (var planned in group)
            {
                // Not cancellable mid-request: a delete is finished or not started.
                var current = await registry.RereadAsync(planned, CancellationToken.None);
                if (DeleteGroups.Recheck(planned, current, checkCreated: registry.Traits.RereadComparesCreated) is { } changed)
                {
                    outcomes[planned] = changed;
                }
                else
                {
                    removed.Add(planned);
                }
            }

            var (outcome, manifest) = removed.Count == 0 ? (null, null) : await DeleteOneAsync(removed, registry, keptDigests);
            foreach (var version in removed)
            {
                outcomes[version] = outcome!;
            }

            return (outcomes, manifest);
        }
        catch (Exception e) when (RegistryFailure.Is(e))
        {
            var failed = new DeleteOutcome.Failed(RegistryFailure.Why(e));
            foreach (var version in group.Where(v => !outcomes.ContainsKey(v) || removed.Contains(v)))
            {
                outcomes[version] = failed;
            }

            return (outcomes, null);
        }
    }

    /// <summary>The DELETE itself, in the name of the first version; every version given goes with it.</summary>
    private static async Task<(DeleteOutcome Outcome, RawManifest? Manifest)> DeleteOneAsync(List<PackageVersion> removed, IRegistry registry, HashSet<(PackageKey, Pins.Digest)> keptDigests)
    {
        var planned = removed[0];
        // A DELETE by digest removes every tag with that digest: only when none of them is kept.
        if (registry.Traits.DeletesByDigest && planned.Digest is { } digest && keptDigests.Contains((planned.Package, digest)))
        {
            return (new DeleteOutcome.Skipped("another kept tag shares this digest; the registry can only delete by digest"), null);
        }

        RawManifest? manifest = null;
        // The undo trail: the manifest's exact bytes go into the audit line of each version deleted.
        if (planned.Type == Pins.PinsFiles.PackageTypes.Container && planned.Digest is { } keep)
        {
            manifest = await registry.Manifests.GetAsync(planned.Package, keep.ToString(), CancellationToken.None);
            if (manifest is null)
            {
                return (new DeleteOutcome.AlreadyGone(), null);
            }
        }

        return await registry.DeleteAsync(planned, CancellationToken.None) ? (DeleteGroups.Deleted(removed), manifest) : (new DeleteOutcome.AlreadyGone(), null);
    }
}
