using System.Collections.Concurrent;
using System.Collections.Immutable;
using OciCleanup.Pins;

namespace OciCleanup.Cleaner.Inventory.GitHub;

/// <summary>
/// Gives each listed version its media type and, for an index, its children — which GitHub's API does not
/// say. Tagged manifests' bodies first; an untagged version an index already describes (a platform image
/// of a multi-arch tag) needs no read of its own; the rest (untagged indexes, orphans, signatures) are
/// read too. Each distinct manifest is read once, through the body cache. A listed manifest that cannot
/// be read fails the registry's source: its children would otherwise go unprotected.
/// </summary>
internal static class GitHubDescriber
{
    public static async Task<ImmutableArray<PackageVersion>> DescribeAsync(ImmutableArray<PackageVersion> versions, GitHubManifests manifests, int concurrency, CancellationToken cancellationToken)
    {
        var bodies = new ConcurrentDictionary<(PackageKey, Digest), ManifestBody>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        var tagged = versions.Where(v => v.IsTagged).Select(Key).Distinct().ToList();
        await Parallel.ForEachAsync(tagged, options, async (key, ct) => bodies[key] = await ReadAsync(manifests, key, versions[0].Registry, ct));

        var childTypes = new Dictionary<(PackageKey, Digest), string>();
        foreach (var ((package, _), body) in bodies)
        {
            foreach (var (child, mediaType) in body.ChildMediaTypes)
            {
                childTypes[(package, child)] = mediaType;
            }
        }

        var rest = versions.Where(v => !v.IsTagged).Select(Key).Distinct()
            .Where(k => !bodies.ContainsKey(k) && !(childTypes.TryGetValue(k, out var type) && !ManifestMediaTypes.IsIndex(type))).ToList();
        await Parallel.ForEachAsync(rest, options, async (key, ct) => bodies[key] = await ReadAsync(manifests, key, versions[0].Registry, ct));

        return [.. versions.Select(v => bodies.TryGetValue(Key(v), out var body)
            ? v with { MediaType = body.MediaType, Children = ManifestMediaTypes.IsIndex(body.MediaType) ? body.Children : default }
            : v with { MediaType = childTypes[Key(v)] })];
    }

    private static (PackageKey, Digest) Key(PackageVersion v) => (v.Package, v.Digest!.Value);

    private static async Task<ManifestBody> ReadAsync(GitHubManifests manifests, (PackageKey Package, Digest Digest) key, string registry, CancellationToken cancellationToken) =>
        await manifests.BodyAsync(key.Package, key.Digest, cancellationToken)
        ?? throw new RegistryException(registry, $"listed manifest {GitHubManifests.RepositoryOf(key.Package)}@{key.Digest} answers 404 on the registry; it cannot be described (deleted since it was listed? the next run will see)");
}
