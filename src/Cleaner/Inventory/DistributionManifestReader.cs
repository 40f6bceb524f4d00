using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace OciCleanup.Cleaner.Inventory;

/// <summary>
/// Describes container versions with the fewest requests the distribution API allows: one HEAD
/// per version (digest and media type), plus one GET per distinct index digest (its children are
/// only in the body). Bounded concurrency; no request is repeated within one reader's life (a run).
/// </summary>
internal sealed class DistributionManifestReader(DistributionClient client, Func<PackageVersion, string> repositoryOf, int concurrency = 8) : IManifestReader
{
    private readonly ConcurrentDictionary<(string Repository, string Reference), Lazy<Task<ManifestHead?>>> _heads = new();
    private readonly ConcurrentDictionary<(string Repository, string Digest), Lazy<Task<ManifestBody?>>> _bodies = new();

    public async Task<ImmutableArray<PackageVersion>> DescribeAsync(ImmutableArray<PackageVersion> versions, CancellationToken cancellationToken)
    {
        var results = new PackageVersion[versions.Length];
        await Parallel.ForAsync(0, versions.Length, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            results[i] = await DescribeOneAsync(versions[i], ct);
        });
        return [.. results];
    }

    private async Task<PackageVersion> DescribeOneAsync(PackageVersion version, CancellationToken cancellationToken)
    {
        if (version.Type != "container")
        {
            return version;
        }

        var repository = repositoryOf(version);
        var head = await _heads.GetOrAdd((repository, version.Version), key => new Lazy<Task<ManifestHead?>>(() => client.HeadManifestAsync(key.Repository, key.Reference, cancellationToken))).Value;
        if (head is null)
        {
            return version;
        }

        var described = version with { Digest = head.Digest, MediaType = head.MediaType };
        if (!ManifestMediaTypes.IsIndex(head.MediaType))
        {
            return described;
        }

        var body = await BodyAsync(repository, head.Digest, cancellationToken);
        return body is null ? described : described with { Children = body.Children };
    }

    /// <summary>A manifest by digest, fetched at most once per run.</summary>
    public Task<ManifestBody?> BodyAsync(string repository, Pins.Digest digest, CancellationToken cancellationToken) =>
        _bodies.GetOrAdd((repository, digest.ToString()), key => new Lazy<Task<ManifestBody?>>(() => client.GetManifestAsync(key.Repository, key.Digest, cancellationToken))).Value;
}
