namespace OciCleanup.Cleaner.Inventory;

/// <summary><see cref="IManifestStore"/> over the distribution API (<c>/v2</c>), Gitea's included; the registry says how a package maps to a repository.</summary>
internal sealed class DistributionManifestStore(DistributionClient client, Func<PackageKey, string> repositoryOf) : IManifestStore
{
    public Task<RawManifest?> GetAsync(PackageKey package, string reference, CancellationToken cancellationToken) =>
        client.GetRawManifestAsync(repositoryOf(package), reference, cancellationToken);

    public Task<bool> HasBlobAsync(PackageKey package, Pins.Digest digest, CancellationToken cancellationToken) =>
        client.HasBlobAsync(repositoryOf(package), digest, cancellationToken);

    public async Task<bool> HasManifestAsync(PackageKey package, Pins.Digest digest, CancellationToken cancellationToken) =>
        await client.HeadManifestAsync(repositoryOf(package), digest.ToString(), cancellationToken) is not null;

    public Task PutAsync(PackageKey package, string reference, RawManifest manifest, CancellationToken cancellationToken) =>
        client.PutManifestAsync(repositoryOf(package), reference, manifest, cancellationToken);
}
