using System.Text.Json;
using OciCleanup.Cleaner.Inventory;

namespace OciCleanup.Cleaner.Execution;

/// <summary>
/// Undo (docs/reports.md, "Undo: `restore`"): puts deleted manifests back from the audit trail — by digest for a <c>sha256:</c>
/// version, by tag otherwise — while the registry still holds what each one needs, and says plainly
/// when it is too late. A distribution registry keeps a deleted manifest's blobs until
/// <c>garbage-collect</c>; Gitea and Forgejo answer 404 for a blob no version of the image references
/// any more, at once, and drop it at the next <c>cleanup_packages</c> — so there a restore works only
/// while another version still holds every blob. Nothing is pushed for a manifest that cannot be whole,
/// whose bytes are not what was deleted, or over a live tag (unless forced: <see cref="RestoreCheck"/>).
/// Each entry is a boundary: whatever one throws is its failure, and the others still go ahead.
/// </summary>
internal sealed class Restorer(IReadOnlyDictionary<string, IRegistry> registries, bool force = false)
{
    /// <summary>Restores children before the indexes that need them; one outcome per entry.</summary>
    public async Task<IReadOnlyList<(AuditEntry Entry, RestoreOutcome Outcome)>> RestoreAsync(IEnumerable<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var results = new List<(AuditEntry, RestoreOutcome)>();
        foreach (var entry in entries.OrderBy(e => Pins.Digest.IsDigest(e.Version) ? 0 : 1))
        {
            RestoreOutcome outcome;
            if (cancellationToken.IsCancellationRequested)
            {
                outcome = new RestoreOutcome.Failed("not attempted: restore was told to stop");
            }
            else
            {
                try
                {
                    outcome = await RestoreOneAsync(entry, cancellationToken);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    outcome = new RestoreOutcome.Failed(RegistryFailure.Why(e));
                }
            }

            results.Add((entry, outcome));
        }

        return results;
    }

    private async Task<RestoreOutcome> RestoreOneAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        if (!registries.TryGetValue(entry.Registry, out var registry))
        {
            return new RestoreOutcome.Refused($"registry {entry.Registry} is not configured");
        }

        if (await registry.RestoreAsync(entry, TimeProvider.System, cancellationToken) is { } own)
        {
            return own;
        }

        var (manifest, refusal) = RestoreCheck.Manifest(entry);
        if (manifest is null)
        {
            return refusal!;
        }

        var live = await registry.ResolveDigestAsync(entry.PackageKey, entry.Version, cancellationToken);
        if (RestoreCheck.Live(entry, manifest.Digest, live, force) is { } unchanged)
        {
            return unchanged;
        }

        ManifestBody body;
        try
        {
            body = ManifestBody.Parse(manifest.Bytes, manifest.MediaType);
        }
        catch (JsonException e)
        {
            return new RestoreOutcome.Refused($"the kept manifest is not readable: {e.Message}");
        }

        var store = registry.Manifests;
        foreach (var child in body.Children)
        {
            if (!await store.HasManifestAsync(entry.PackageKey, child, cancellationToken))
            {
                return new RestoreOutcome.TooLate($"child manifest {child} is gone (restore it first, or re-push the image from its source)");
            }
        }

        foreach (var blob in body.Layers.Prepend(body.Config ?? default).Where(d => d != default))
        {
            if (!await store.HasBlobAsync(entry.PackageKey, blob, cancellationToken))
            {
                return new RestoreOutcome.TooLate($"blob {blob} is gone (garbage-collected, or no version of the image holds it any more); nothing changed — re-push the image from its source");
            }
        }

        await store.PutAsync(entry.PackageKey, entry.Version, manifest, cancellationToken);
        return new RestoreOutcome.Restored(live);
    }
}
