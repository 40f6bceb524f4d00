using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OciCleanup.Cleaner.Inventory;
using OciCleanup.Cleaner.Planning;

namespace OciCleanup.Cleaner.Execution;

/// <summary>
/// Carries out a plan's deletes, one version each. Each version is re-read just before its delete
/// and skipped when its digest or creation time changed (a re-pushed tag). One failure never stops
/// the rest; cancellation stops between deletes, never inside one.
/// </summary>
internal sealed class DeleteExecutor(IReadOnlyDictionary<string, IRegistry> registries, AuditLog audit, ILogger logger)
{
    public async Task<ImmutableDictionary<VersionKey, DeleteOutcome>> ExecuteAsync(Plan plan, CancellationToken cancellationToken)
    {
        var outcomes = ImmutableDictionary.CreateBuilder<VersionKey, DeleteOutcome>();
        var keptDigests = plan.Keeps.Where(d => d.Version.Digest is not null).Select(d => (d.Version.Package, d.Version.Digest!.Value)).ToHashSet();
        foreach (var decision in DeleteOrder.Of(plan))
        {
            if (cancellationToken.IsCancellationRequested)
            {
                outcomes[decision.Version.Key] = new DeleteOutcome.Skipped("run stopped before this delete");
                continue;
            }

            var outcome = await DeleteOneAsync(decision.Version, registries[decision.Version.Registry], keptDigests);
            outcomes[decision.Version.Key] = outcome;
            audit.Record(decision.Version, outcome);
            logger.LogInformation("Delete {Version}: {Result} {Detail}", decision.Version, outcome.Result, outcome.Detail ?? "");
        }

        return outcomes.ToImmutable();
    }

    private static async Task<DeleteOutcome> DeleteOneAsync(PackageVersion planned, IRegistry registry, HashSet<(PackageKey, Pins.Digest)> keptDigests)
    {
        try
        {
            var current = await registry.RereadAsync(planned, CancellationToken.None);
            if (current is null)
            {
                return new DeleteOutcome.AlreadyGone();
            }

            if (current.Digest != planned.Digest || (registry.Config.Kind == Configuration.RegistryKind.Gitea && current.CreatedAt != planned.CreatedAt))
            {
                return new DeleteOutcome.Skipped($"changed since planning: digest {planned.Digest} → {current.Digest}, created {planned.CreatedAt:O} → {current.CreatedAt:O}");
            }

            // An OCI manifest DELETE removes every tag with that digest: only when none of them is kept.
            if (registry.Config.Kind == Configuration.RegistryKind.Oci && planned.Digest is { } digest && keptDigests.Contains((planned.Package, digest)))
            {
                return new DeleteOutcome.Skipped("another kept tag shares this digest; the registry can only delete by digest");
            }

            // Not cancellable mid-request: a delete is finished or not started.
            return await registry.DeleteAsync(planned, CancellationToken.None) ? new DeleteOutcome.Deleted() : new DeleteOutcome.AlreadyGone();
        }
        catch (Exception e) when (e is RegistryException or HttpRequestException or TaskCanceledException)
        {
            return new DeleteOutcome.Failed(e.Message);
        }
    }
}
