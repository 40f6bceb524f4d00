using System.Collections.Concurrent;
using System.Text.Json;
using OciCleanup.Pins;

namespace OciCleanup.Cleaner.Inventory.GitHub;

/// <summary>
/// Manifests of ghcr.io (<c>registryUrl</c> <c>/v2</c>, a bearer token from its <c>/token</c>), each body
/// read at most once ever: from the cache when it holds the digest, else one GET whose bytes must hash to
/// the digest asked for before they are kept. Also the <see cref="IManifestStore"/> the audit trail reads
/// a deleted manifest from — from the cache, so a delete costs no download.
/// </summary>
internal sealed class GitHubManifests(string registry, Func<DistributionClient> distribution, IManifestBodyCache cache) : IManifestStore
{
    private readonly ConcurrentDictionary<(string, Digest), Lazy<Task<ManifestBody?>>> _parsed = new();

    /// <summary>How many bodies were fetched from the registry by this instance (the rest came from the cache).</summary>
    public int Fetched => _fetched;

    private int _fetched;

    public static string RepositoryOf(PackageKey package) => $"{package.Owner}/{package.Name}".ToLowerInvariant();

    /// <summary>The parsed body of a manifest; null when the registry has no such manifest.</summary>
    public Task<ManifestBody?> BodyAsync(PackageKey package, Digest digest, CancellationToken cancellationToken) =>
        _parsed.GetOrAdd((RepositoryOf(package), digest), key => new Lazy<Task<ManifestBody?>>(async () =>
        {
            var raw = await RawAsync(key.Item1, digest, cancellationToken);
            try
            {
                return raw is null ? null : ManifestBody.Parse(raw.Bytes, raw.MediaType);
            }
            catch (JsonException e)
            {
                throw new RegistryException(registry, $"manifest {key.Item1}@{digest}: {ErrorCause.Describe(e)}");
            }
        })).Value;

    public async Task<RawManifest?> GetAsync(PackageKey package, string reference, CancellationToken cancellationToken) =>
        Digest.TryParse(reference, out var digest)
            ? await RawAsync(RepositoryOf(package), digest.Value, cancellationToken)
            : await distribution().GetRawManifestAsync(RepositoryOf(package), reference, cancellationToken);

    public Task<bool> HasBlobAsync(PackageKey package, Digest digest, CancellationToken cancellationToken) =>
        distribution().HasBlobAsync(RepositoryOf(package), digest, cancellationToken);

    /// <summary>What a tag or digest resolves to now, by HEAD (no body read); null when it does not resolve.</summary>
    public async Task<Digest?> HeadAsync(PackageKey package, string reference, CancellationToken cancellationToken) =>
        (await distribution().HeadManifestAsync(RepositoryOf(package), reference, cancellationToken))?.Digest;

    public async Task<bool> HasManifestAsync(PackageKey package, Digest digest, CancellationToken cancellationToken) =>
        await distribution().HeadManifestAsync(RepositoryOf(package), digest.ToString(), cancellationToken) is not null;

    /// <summary>Never: ghcr.io versions come back through GitHub's own restore, not a push (docs/reports.md, "Undo: `restore`").</summary>
    public Task PutAsync(PackageKey package, string reference, RawManifest manifest, CancellationToken cancellationToken) =>
        throw new RegistryException(registry, "ghcr.io manifests are restored through GitHub's packages API (POST …/versions/{id}/restore), never pushed");

    private async Task<RawManifest?> RawAsync(string repository, Digest digest, CancellationToken cancellationToken)
    {
        if (cache.Get(digest) is { } cached)
        {
            return cached;
        }

        var raw = await distribution().GetRawManifestAsync(repository, digest.ToString(), cancellationToken);
        Interlocked.Increment(ref _fetched);
        if (raw is null)
        {
            return null;
        }

        if (raw.Digest != digest)
        {
            throw new RegistryException(registry, $"manifest {repository}@{digest}: the body served hashes to {raw.Digest}; not used");
        }

        cache.Put(raw);
        return raw;
    }
}
