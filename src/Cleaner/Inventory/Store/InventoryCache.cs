using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OciCleanup.Cleaner.Configuration;

namespace OciCleanup.Cleaner.Inventory.Store;

/// <summary>
/// What a run remembers of the fleet between nights (issue 24), in <c>stateDir/manifests/</c>: manifest
/// bodies by digest, shared by every registry (content-addressed), and per registry what each listed
/// version resolved to. Safe to delete at any time: the next run reads everything again.
/// </summary>
internal sealed class InventoryCache(string stateDir, ILoggerFactory loggers)
{
    public ManifestBodyStore Bodies { get; } = new(stateDir);

    /// <summary>A Gitea registry's reader for one inventory: what it has seen it does not read again.</summary>
    public IManifestReader Reader(RegistryConfig config, DistributionClient distribution, Func<PackageVersion, string> repositoryOf) =>
        new IncrementalManifestReader(
            new DistributionManifestReader(distribution, repositoryOf, config.Concurrency, Bodies),
            new VersionIdentityStore(stateDir, config.Name, config.Url),
            loggers.CreateLogger<IncrementalManifestReader>());

    /// <summary>Drops the known-versions entries of <paramref name="ids"/> in a registry (<see cref="VersionIdentityStore.Forget"/>).</summary>
    public (int Dropped, string? Error) Forget(RegistryConfig config, IReadOnlySet<long> ids) =>
        new VersionIdentityStore(stateDir, config.Name, config.Url).Forget(ids);

    /// <summary>
    /// Drops the bodies no registry lists any more. Only after every inventory is complete: a registry
    /// that failed to list would otherwise lose its bodies, and the next run would read them all again.
    /// </summary>
    public void Prune(IEnumerable<ImmutableArray<PackageVersion>> inventories)
    {
        var listed = new HashSet<Pins.Digest>();
        foreach (var version in inventories.SelectMany(v => v))
        {
            if (version.Digest is { } digest)
            {
                listed.Add(digest);
            }

            listed.UnionWith(version.IndexChildren);
        }

        var removed = Bodies.Prune(listed);
        var logger = loggers.CreateLogger<InventoryCache>();
        logger.LogInformation("Manifest store: {Removed} bodies no longer listed removed", removed);
        foreach (var note in Bodies.Notes)
        {
            logger.LogWarning("Manifest store: {Note}", note);
        }
    }
}
