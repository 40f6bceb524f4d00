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
    private const int NotFoundAttempts = 3;

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
        var head = await _heads.GetOrAdd((repository, version.Version), key => new Lazy<Task<ManifestHead?>>(() => HeadListedAsync(key.Repository, key.Reference, cancellationToken))).Value
            ?? throw Undescribable(version, "its manifest answers 404");
        var described = version with { Digest = head.Digest, MediaType = head.MediaType };
        if (!ManifestMediaTypes.IsIndex(head.MediaType))
        {
            return described;
        }

        // An index without its children would leave them unprotected: no body, no inventory.
        var body = await BodyAsync(repository, head.Digest, cancellationToken) ?? throw Undescribable(version, $"its index {head.Digest} answers 404");
        return described with { Children = body.Children };
    }

    /// <summary>
    /// The HEAD of a version the registry has just listed. A 404 here is a registry (or a proxy, or
    /// a replica behind a load balancer) not yet consistent with its own list: ask again, a few times.
    /// </summary>
    private async Task<ManifestHead?> HeadListedAsync(string repository, string reference, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var head = await client.HeadManifestAsync(repository, reference, cancellationToken);
            if (head is not null || attempt == NotFoundAttempts)
            {
                return head;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), cancellationToken);
        }
    }

    private static RegistryException Undescribable(PackageVersion version, string why) =>
        new(version.Registry, $"listed version {version} cannot be described: {why} after {NotFoundAttempts} attempts (deleted by someone else since it was listed? the next run will see)");

    /// <summary>A manifest by digest, fetched at most once per run.</summary>
    public Task<ManifestBody?> BodyAsync(string repository, Pins.Digest digest, CancellationToken cancellationToken) =>
        _bodies.GetOrAdd((repository, digest.ToString()), key => new Lazy<Task<ManifestBody?>>(() => BodyListedAsync(key.Repository, key.Digest, cancellationToken))).Value;

    private async Task<ManifestBody?> BodyListedAsync(string repository, string digest, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var body = await client.GetManifestAsync(repository, digest, cancellationToken);
            if (body is not null || attempt == NotFoundAttempts)
            {
                return body;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), cancellationToken);
        }
    }
}
