using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace OciCleanup.Cleaner.Inventory.Store;

/// <summary>
/// Describes a registry's versions reading only what was not seen before (issue 24): a version whose id,
/// name and creation time the <see cref="VersionIdentityStore"/> knows gets its digest and media type
/// from there, and the inner reader then sends no HEAD for it (an index's body comes from the
/// <see cref="ManifestBodyStore"/> when it has it). A re-pushed tag has a new id: read again. What this
/// fills in feeds the plan only; every delete is re-checked against the registry's live digest first.
/// </summary>
internal sealed class IncrementalManifestReader(IManifestReader inner, VersionIdentityStore identities, ILogger logger) : IManifestReader
{
    public async Task<ImmutableArray<PackageVersion>> DescribeAsync(ImmutableArray<PackageVersion> versions, CancellationToken cancellationToken)
    {
        var known = Known(versions, out var fromStore);
        // Not kept alive by this frame while the rest of the run may resume on its stack (issue 24).
        versions = default;
        var described = await inner.DescribeAsync(known, cancellationToken);
        if (identities.Save(described) is { } saveError)
        {
            logger.LogWarning("Known versions: {Error}", saveError);
        }

        logger.LogInformation("Described {Versions} versions, {Known} known from {StoreFile}", described.Length, fromStore, identities.FilePath);
        return described;
    }

    /// <summary>The listed versions, those the store knows (same id, same name and creation time, same digest if named by one) already described.</summary>
    private ImmutableArray<PackageVersion> Known(ImmutableArray<PackageVersion> versions, out int fromStore)
    {
        var (store, note) = identities.Load();
        if (note is not null)
        {
            logger.LogWarning("Known versions: {Note}", note);
        }

        fromStore = 0;
        if (store.Count == 0)
        {
            return versions;
        }

        var result = ImmutableArray.CreateBuilder<PackageVersion>(versions.Length);
        foreach (var version in versions)
        {
            if (version is { Type: "container", Id: { } id, MediaType: null } && store.TryGetValue(id, out var entry)
                && (version.Digest is null || version.Digest == entry.Digest) && entry.Check == VersionCheck.Of(version))
            {
                // A version named by its digest keeps its own string: one per digest in memory, not two.
                result.Add(version with { Digest = version.Digest ?? entry.Digest, MediaType = entry.MediaType });
                fromStore++;
            }
            else
            {
                result.Add(version);
            }
        }

        return result.MoveToImmutable();
    }
}
