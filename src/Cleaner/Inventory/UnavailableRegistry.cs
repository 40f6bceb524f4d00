using System.Collections.Immutable;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Pins;

namespace OciCleanup.Cleaner.Inventory;

/// <summary>
/// A registry that cannot be used this run (its credential could not be read): every call fails
/// with the reason, so the run reports a failed source and deletes nothing, instead of crashing.
/// </summary>
internal sealed class UnavailableRegistry(RegistryConfig config, string reason) : IRegistry
{
    public RegistryConfig Config => config;

    public Task<ImmutableArray<PackageVersion>> ListVersionsAsync(CancellationToken cancellationToken) => throw Unavailable();

    public Task<PackageVersion?> RereadAsync(PackageVersion version, CancellationToken cancellationToken) => throw Unavailable();

    public Task<Digest?> ResolveDigestAsync(PackageKey package, string reference, CancellationToken cancellationToken) => throw Unavailable();

    public Task<bool> DeleteAsync(PackageVersion version, CancellationToken cancellationToken) => throw Unavailable();

    public IManifestStore Manifests => throw Unavailable();

    public Task<VersionBlobs?> BlobsAsync(PackageVersion version, CancellationToken cancellationToken) => throw Unavailable();

    private RegistryException Unavailable() => new(config.Name, reason);
}
