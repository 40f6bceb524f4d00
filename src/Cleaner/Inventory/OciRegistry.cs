using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Pins;

namespace OciCleanup.Cleaner.Inventory;

/// <summary>
/// Any OCI distribution registry. Versions are tags (the API lists no untagged manifests); a tag's
/// creation time is unknown to the API, so the image config's <c>created</c> is not fetched and the
/// inventory time is used — retention by age is therefore by tag order only (documented).
/// Deleting removes a manifest by digest, which removes every tag pointing at it.
/// </summary>
internal sealed class OciRegistry(RegistryConfig config, DistributionClient client, ILogger<OciRegistry> logger) : IRegistry
{
    private readonly DistributionManifestReader _reader = new(client, v => v.Name);

    public RegistryConfig Config => config;

    public async Task<ImmutableArray<PackageVersion>> ListVersionsAsync(CancellationToken cancellationToken)
    {
        var include = config.IncludeRepositories.Select(p => new Glob(p)).ToList();
        var exclude = config.ExcludeRepositories.Select(p => new Glob(p)).ToList();
        var repositories = (await client.ListRepositoriesAsync(cancellationToken))
            .Where(r => (include.Count == 0 || include.Any(g => g.IsMatch(r))) && !exclude.Any(g => g.IsMatch(r)))
            .ToList();
        var versions = new List<PackageVersion>();
        foreach (var repository in repositories)
        {
            var tags = await client.ListTagsAsync(repository, cancellationToken);
            versions.AddRange(tags.Select(tag => new PackageVersion(config.Name, null, "container", repository, tag, null, DateTimeOffset.UnixEpoch)));
        }

        var described = await _reader.DescribeAsync([.. versions], cancellationToken);
        logger.LogInformation("Inventoried {Versions} tags in {Repositories} repositories of registry {Registry}", described.Length, repositories.Count, config.Name);
        return described;
    }

    public async Task<PackageVersion?> RereadAsync(PackageVersion version, CancellationToken cancellationToken)
    {
        var head = await client.HeadManifestAsync(version.Name, version.Version, cancellationToken);
        return head is null ? null : version with { Digest = head.Digest, MediaType = head.MediaType };
    }

    public async Task<Digest?> ResolveDigestAsync(PackageKey package, string reference, CancellationToken cancellationToken) =>
        (await client.HeadManifestAsync(package.Name, reference, cancellationToken))?.Digest;

    public Task<bool> DeleteAsync(PackageVersion version, CancellationToken cancellationToken) =>
        version.Digest is { } digest
            ? client.DeleteManifestAsync(version.Name, digest, cancellationToken)
            : throw new ArgumentException($"refusing to delete {version}: its digest is unknown", nameof(version));
}
