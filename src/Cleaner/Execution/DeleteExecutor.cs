using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OciCleanup.Cleaner.Inventory;
using OciCleanup.Cleaner.Planning;

namespace OciCleanup.Cleaner.Execution;

/// <summary>
/// Carries out a plan's deletes, one version each. Each version is re-read just before its delete
/// and skipped when its digest or creation time changed (a re-pushed tag). One failure never stops
/// the rest; cancellation (SIGTERM) stops between deletes, never inside one; an audit log that can
/// no longer be written stops every further delete, since an unaudited delete must not happen.
/// </summary>
internal sealed class DeleteExecutor(IReadOnlyDictionary<string, IRegistry> registries, AuditLog audit, ILogger logger)
{
    private const int MaxFailuresInARow = 3;

    public async Task<ImmutableDictionary<VersionKey, DeleteOutcome>> ExecuteAsync(Plan plan, CancellationToken stopping)
    {
        var outcomes = ImmutableDictionary.CreateBuilder<VersionKey, DeleteOutcome>();
        var keptDigests = plan.Keeps.Where(d => d.Version.Digest is not null).Select(d => (d.Version.Package, d.Version.Digest!.Value)).ToHashSet();
        string? halt = null;
        var failedInARow = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var decision in DeleteOrder.Of(plan))
        {
            var version = decision.Version;
            halt ??= stopping.IsCancellationRequested ? "the run was told to stop (SIGTERM/SIGINT) before this delete" : null;
            if (halt is not null)
            {
                outcomes[version.Key] = new DeleteOutcome.Skipped(halt);
                continue;
            }

            if (failedInARow.GetValueOrDefault(version.Registry) >= MaxFailuresInARow)
            {
                // One failure never stops the rest; a registry that failed every time lately is gone.
                outcomes[version.Key] = new DeleteOutcome.Skipped($"not attempted: the last {MaxFailuresInARow} deletes in registry {version.Registry} failed");
                continue;
            }

            try
            {
                audit.Attempt(version);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                halt = $"the audit log could not be written ({e.Message}); no delete without an audit line";
                outcomes[version.Key] = new DeleteOutcome.Skipped(halt);
                continue;
            }

            var (outcome, manifest) = await DeleteOneAsync(version, registries[version.Registry], keptDigests);
            outcomes[version.Key] = outcome;
            failedInARow[version.Registry] = outcome is DeleteOutcome.Failed ? failedInARow.GetValueOrDefault(version.Registry) + 1 : 0;
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

        return outcomes.ToImmutable();
    }

    private static async Task<(DeleteOutcome Outcome, RawManifest? Manifest)> DeleteOneAsync(PackageVersion planned, IRegistry registry, HashSet<(PackageKey, Pins.Digest)> keptDigests)
    {
        RawManifest? manifest = null;
        try
        {
            // Not cancellable mid-request: a delete is finished or not started.
            var current = await registry.RereadAsync(planned, CancellationToken.None);
            if (current is null)
            {
                return (new DeleteOutcome.AlreadyGone(), null);
            }

            if (current.Digest != planned.Digest || (registry.Config.Kind == Configuration.RegistryKind.Gitea && current.CreatedAt != planned.CreatedAt))
            {
                return (new DeleteOutcome.Skipped($"changed since planning: digest {planned.Digest} → {current.Digest}, created {planned.CreatedAt:O} → {current.CreatedAt:O}"), null);
            }

            // An OCI manifest DELETE removes every tag with that digest: only when none of them is kept.
            if (registry.Config.Kind == Configuration.RegistryKind.Oci && planned.Digest is { } digest && keptDigests.Contains((planned.Package, digest)))
            {
                return (new DeleteOutcome.Skipped("another kept tag shares this digest; the registry can only delete by digest"), null);
            }

            // The undo trail: the manifest's exact bytes go into the audit line of the delete.
            if (planned.Type == "container" && planned.Digest is { } keep)
            {
                manifest = await registry.Manifests.GetAsync(planned.Package, keep.ToString(), CancellationToken.None);
                if (manifest is null)
                {
                    return (new DeleteOutcome.AlreadyGone(), null);
                }
            }

            return (await registry.DeleteAsync(planned, CancellationToken.None) ? new DeleteOutcome.Deleted() : new DeleteOutcome.AlreadyGone(), manifest);
        }
        catch (Exception e) when (e is RegistryException or HttpRequestException or OperationCanceledException or IOException)
        {
            return (new DeleteOutcome.Failed(e is RegistryException ? e.Message : ErrorCause.Describe(e, RegistryFactory.RequestTimeout)), null);
        }
    }
}
