using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Pins;

namespace OciCleanup.Cleaner.Inventory;

/// <summary>
/// Any OCI distribution registry. Versions are tags (the API lists no untagged manifests). A tag's
/// creation time is its image config's <c>created</c> (for an index, its first child's); a
/// manifest without one (a Helm chart, an artifact) ages from when it was first seen (docs/configuration.md, "Retention").
/// Deleting removes a manifest by digest, which removes every tag pointing at it.
/// </summary>
internal sealed class OciRegistry(RegistryConfig config, DistributionClient client, ILogger<OciRegistry> logger) : IRegistry
{
    private readonly DistributionManifestReader _reader = new(client, v => v.Name, config.Concurrency);
    private readonly ConcurrentDictionary<(string, Digest), Lazy<Task<DateTimeOffset?>>> _created = new();

    public RegistryConfig Config => config;

    public IManifestStore Manifests { get; } = new DistributionManifestStore(client, p => p.Name);

    public async Task<ImmutableArray<PackageVersion>> ListVersionsAsync(CancellationToken cancellationToken)
    {
        var named = !config.RepositoryNames.IsEmpty;
        // Named repositories need no catalog: Docker Hub, Harbor projects and others hide /v2/_catalog.
        var repositories = named ? [.. config.RepositoryNames] : (await client.ListRepositoriesAsync(cancellationToken)).Where(OciKind.Entry.Traits.Lists(config)).ToList();
        var versions = new List<PackageVersion>();
        foreach (var repository in repositories)
        {
            var tags = await client.ListTagsAsync(repository, cancellationToken, named);
            versions.AddRange(tags.Select(tag => new PackageVersion(config.Name, null, Pins.PinsFiles.PackageTypes.Container, repository, tag, null, DateTimeOffset.MinValue)));
        }

        var described = await _reader.DescribeAsync([.. versions], cancellationToken);
        var dated = new PackageVersion[described.Length];
        await Parallel.ForAsync(0, described.Length, new ParallelOptions { MaxDegreeOfParallelism = config.Concurrency, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var v = described[i];
            // No `created` (a chart, an artifact): MinValue, which the planner's first-seen times replace.
            dated[i] = v with { CreatedAt = v.Digest is { } d ? await CreatedAsync(v.Name, d, ct) ?? DateTimeOffset.MinValue : DateTimeOffset.MinValue };
        });
        logger.LogInformation("Inventoried {Versions} tags in {Repositories} repositories of registry {Registry}", dated.Length, repositories.Count, config.Name);
        return [.. dated];
    }

    public async Task<PackageVersion?> RereadAsync(PackageVersion version, CancellationToken cancellationToken)
    {
        var head = await client.HeadManifestAsync(version.Name, version.Version, cancellationToken);
        // The creation time belongs to the manifest: same digest, same time.
        return head is null ? null : version with { Digest = head.Digest, MediaType = head.MediaType };
    }

    /// <summary>
    /// The manifest's own size and its descriptors' (config, layers; an index's children), from its body —
    /// the one the inventory already read for the creation time: no request of its own.
    /// </summary>
    public async Task<VersionBlobs?> BlobsAsync(PackageVersion version, CancellationToken cancellationToken) =>
        version.Digest is { } digest && await _reader.BodyAsync(version.Name, digest, cancellationToken) is { } body
            ? new VersionBlobs(body.Sizes)
            : null;

    public async Task<Digest?> ResolveDigestAsync(PackageKey package, string reference, CancellationToken cancellationToken) =>
        (await client.HeadManifestAsync(package.Name, reference, cancellationToken))?.Digest;

    public Task<bool> DeleteAsync(PackageVersion version, CancellationToken cancellationToken) =>
        version.Digest is { } digest
            ? client.DeleteManifestAsync(version.Name, digest, cancellationToken)
            : throw new ArgumentException($"refusing to delete {version}: its digest is unknown", nameof(version));

    private Task<DateTimeOffset?> CreatedAsync(string repository, Digest digest, CancellationToken cancellationToken) =>
        _created.GetOrAdd((repository, digest), _ => new Lazy<Task<DateTimeOffset?>>(async () =>
        {
            var body = await _reader.BodyAsync(repository, digest, cancellationToken);
            if (body is null)
            {
                return null;
            }

            if (!body.Children.IsEmpty)
            {
                return await CreatedAsync(repository, body.Children[0], cancellationToken);
            }

            if (body.Config is not { } configDigest)
            {
                return null;
            }

            using var imageConfig = await client.GetJsonBlobAsync(repository, configDigest, cancellationToken);
            return imageConfig is not null
                && imageConfig.RootElement.ValueKind == JsonValueKind.Object
                && imageConfig.RootElement.TryGetProperty("created", out var created)
                && DateTimeOffset.TryParse(created.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? at
                : null;
        })).Value;
}
