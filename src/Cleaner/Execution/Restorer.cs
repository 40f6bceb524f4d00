using System.Text.Json;
using OciCleanup.Cleaner.Inventory;

namespace OciCleanup.Cleaner.Execution;

/// <summary>
/// Undo (SPEC §7a): puts deleted manifests back from the audit trail — by digest for a <c>sha256:</c>
/// version, by tag otherwise — while the registry still holds what each one needs, and says plainly
/// when it is too late. A distribution registry keeps a deleted manifest's blobs until
/// <c>garbage-collect</c>; Gitea and Forgejo answer 404 for a blob no version of the image references
/// any more, at once, and drop it at the next <c>cleanup_packages</c> — so there a restore works only
/// while another version still holds every blob. Nothing is pushed for a manifest that cannot be whole.
/// </summary>
internal sealed class Restorer(IReadOnlyDictionary<string, IRegistry> registries)
{
    /// <summary>Restores children before the indexes that need them; one line per entry.</summary>
    public async Task<IReadOnlyList<(AuditEntry Entry, string? TooLate)>> RestoreAsync(IEnumerable<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var results = new List<(AuditEntry, string?)>();
        foreach (var entry in entries.OrderBy(e => e.Version.StartsWith("sha256:", StringComparison.Ordinal) ? 0 : 1))
        {
            results.Add((entry, await RestoreOneAsync(entry, cancellationToken)));
        }

        return results;
    }

    private async Task<string?> RestoreOneAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        if (!registries.TryGetValue(entry.Registry, out var registry))
        {
            return $"registry {entry.Registry} is not configured";
        }

        if (entry.Raw is not { } manifest)
        {
            return "the audit line keeps no manifest (deleted by an older oci-cleanup)";
        }

        ManifestBody body;
        try
        {
            body = ManifestBody.Parse(manifest.Bytes, manifest.MediaType);
        }
        catch (JsonException e)
        {
            return $"the kept manifest is not readable: {e.Message}";
        }

        var store = registry.Manifests;
        foreach (var child in body.Children)
        {
            if (!await store.HasManifestAsync(entry.PackageKey, child, cancellationToken))
            {
                return $"too late: child manifest {child} is gone (restore it first, or re-push the image from its source)";
            }
        }

        foreach (var blob in body.Layers.Prepend(body.Config ?? default).Where(d => d != default))
        {
            if (!await store.HasBlobAsync(entry.PackageKey, blob, cancellationToken))
            {
                return $"too late: blob {blob} is gone (garbage-collected, or no version of the image holds it any more); nothing changed — re-push the image from its source";
            }
        }

        await store.PutAsync(entry.PackageKey, entry.Version, manifest, cancellationToken);
        return null;
    }
}
