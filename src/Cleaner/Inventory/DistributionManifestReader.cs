using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using OciCleanup.Pins.PinsFiles;

namespace OciCleanup.Cleaner.Inventory;

/// <summary>
/// Describes container versions with the fewest requests the distribution API allows: one HEAD
/// per tagged version (digest and media type), one GET per distinct index digest (its children are
/// only in the body), and no HEAD for a <c>sha256:</c> version an index already fetched describes:
/// its digest is its name and the index's descriptor gives its media type, which is all a HEAD
/// would tell. Bounded concurrency; no request is repeated within one reader's life (a run).
/// </summary>
/// <remarks>
/// A version that comes already described (digest and media type, from <see cref="Store.IncrementalManifestReader"/>)
/// gets no HEAD; with a <see cref="Store.ManifestBodyStore"/>, an index body stored before is not fetched again.
/// </remarks>
internal sealed class DistributionManifestReader(DistributionClient client, Func<PackageVersion, string> repositoryOf, int concurrency, Store.ManifestBodyStore? bodies = null) : IManifestReader
{
    private const int NotFoundAttempts = 3;

    private readonly ConcurrentDictionary<(string Repository, string Digest), Lazy<Task<ManifestBody?>>> _bodies = new();
    private readonly ConcurrentDictionary<(string Repository, Pins.Digest Digest), string> _childMediaTypes = new();

    public async Task<ImmutableArray<PackageVersion>> DescribeAsync(ImmutableArray<PackageVersion> versions, CancellationToken cancellationToken)
    {
        var results = new PackageVersion[versions.Length];
        // Tags first: their indexes' bodies describe most of the digest versions, which then need no HEAD.
        var pending = Enumerable.Range(0, versions.Length).Where(i => versions[i].Type != PackageTypes.Container || versions[i].IsTagged).ToList();
        var digestNamed = Enumerable.Range(0, versions.Length).Except(pending).ToHashSet();
        while (pending.Count > 0)
        {
            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (i, ct) =>
            {
                results[i] = await DescribeOneAsync(versions[i], ct);
            });
            digestNamed.ExceptWith(pending);
            // Those an index describes now; when none, the rest (untagged indexes, orphans) by HEAD.
            pending = [.. digestNamed.Where(i => IndexDescribes(versions[i]) is not null)];
            if (pending.Count == 0)
            {
                pending = [.. digestNamed];
            }
        }

        // The listed versions are garbage now, but the stack this method ends on may run the rest of the run
        // (an await resumes inline): cleared, they can be collected at the phase's end (issue 24).
        versions = default;
        return ImmutableCollectionsMarshal.AsImmutableArray(results);
    }

    private async Task<PackageVersion> DescribeOneAsync(PackageVersion version, CancellationToken cancellationToken)
    {
        if (version.Type != PackageTypes.Container)
        {
            return version;
        }

        var repository = repositoryOf(version);
        PackageVersion described;
        if (version is { Digest: not null, MediaType: not null })
        {
            described = version;
        }
        else if (IndexDescribes(version) is { } known)
        {
            described = version with { Digest = known.Digest, MediaType = known.MediaType };
        }
        else
        {
            // No cache: the listing guard proves each version listed once, so no HEAD could repeat.
            var head = await HeadListedAsync(repository, version.Version, cancellationToken)
                ?? throw Undescribable(version, "its manifest answers 404");
            described = version with { Digest = head.Digest, MediaType = head.MediaType };
        }

        if (!ManifestMediaTypes.IsIndex(described.MediaType))
        {
            return described;
        }

        // An index without its children would leave them unprotected: no body, no inventory.
        var body = await BodyAsync(repository, described.Digest!.Value, cancellationToken) ?? throw Undescribable(version, $"its index {described.Digest} answers 404");
        return described with { Children = body.Children };
    }

    /// <summary>What a fetched index in the same repository says of a <c>sha256:</c> version: its digest (the name) and media type.</summary>
    private ManifestHead? IndexDescribes(PackageVersion version) =>
        version.Type == PackageTypes.Container && !version.IsTagged && Pins.Digest.TryParse(version.Version, out var named)
        && _childMediaTypes.TryGetValue((repositoryOf(version), named.Value), out var mediaType) && mediaType.Length > 0
            ? new ManifestHead(named.Value, mediaType)
            : null;

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
            var body = await StoredOrFetchedAsync(repository, digest, cancellationToken);
            if (body is not null)
            {
                foreach (var (child, mediaType) in body.ChildMediaTypes)
                {
                    // Two indexes that disagree on a child's type say nothing certain: "" leaves it to a HEAD.
                    _childMediaTypes.AddOrUpdate((repository, child), mediaType, (_, seen) => seen == mediaType ? seen : "");
                }
            }

            if (body is not null || attempt == NotFoundAttempts)
            {
                return body;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), cancellationToken);
        }
    }

    private async Task<ManifestBody?> StoredOrFetchedAsync(string repository, string digest, CancellationToken cancellationToken)
    {
        if (bodies is null || !Pins.Digest.TryParse(digest, out var wanted))
        {
            return await client.GetManifestAsync(repository, digest, cancellationToken);
        }

        if (bodies.TryRead(wanted.Value) is { } stored)
        {
            return client.Parse(stored, repository, digest);
        }

        if (await client.GetRawManifestAsync(repository, digest, cancellationToken) is not { } raw)
        {
            return null;
        }

        // Parsed first: only a body that is a manifest is kept.
        var body = client.Parse(raw, repository, digest);
        bodies.Write(raw);
        return body;
    }
}
