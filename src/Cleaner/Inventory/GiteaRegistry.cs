using System.Collections.Immutable;
using System.Net;
using Microsoft.Extensions.Logging;
using OciCleanup.Cleaner.Configuration;
using Refit;

namespace OciCleanup.Cleaner.Inventory;

/// <summary>A Gitea or Forgejo registry, inventoried and deleted through the packages API.</summary>
internal sealed class GiteaRegistry(RegistryConfig config, IGiteaPackagesApi api, DistributionClient distribution, IManifestReader manifests, ILogger<GiteaRegistry> logger) : IRegistry
{
    public RegistryConfig Config => config;

    public async Task<ImmutableArray<PackageVersion>> ListVersionsAsync(CancellationToken cancellationToken)
    {
        var versions = ImmutableArray.CreateBuilder<PackageVersion>();
        foreach (var owner in config.Owners)
        {
            foreach (var type in config.Types)
            {
                var listed = await ListOwnerAsync(owner, type, cancellationToken);
                versions.AddRange(listed);
            }
        }

        var described = await manifests.DescribeAsync(versions.ToImmutable(), cancellationToken);
        logger.LogInformation("Inventoried {Versions} versions in registry {Registry}", described.Length, config.Name);
        return described;
    }

    public async Task<PackageVersion?> RereadAsync(PackageVersion version, CancellationToken cancellationToken)
    {
        var response = await api.GetVersionAsync(version.Owner!, version.Type, version.Name, version.Version, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        EnsureOk(response, "read version");
        var fresh = ToVersion(version.Owner!, response.Content!);
        if (fresh.Type != "container")
        {
            return fresh;
        }

        // A fresh HEAD, never the run's cache: the point is to see a re-push since planning.
        var head = await distribution.HeadManifestAsync($"{fresh.Owner}/{fresh.Name}", fresh.Version, cancellationToken);
        return head is null ? null : fresh with { Digest = head.Digest, MediaType = head.MediaType };
    }

    public async Task<Pins.Digest?> ResolveDigestAsync(PackageKey package, string reference, CancellationToken cancellationToken) =>
        (await distribution.HeadManifestAsync($"{package.Owner}/{package.Name}", reference, cancellationToken))?.Digest;

    public async Task<bool> DeleteAsync(PackageVersion version, CancellationToken cancellationToken)
    {
        // An empty version segment would address the whole package (Gitea ≥ 1.26 deletes it all).
        if (string.IsNullOrWhiteSpace(version.Version) || string.IsNullOrWhiteSpace(version.Name) || version.Owner is null)
        {
            throw new ArgumentException($"refusing a delete that does not name one version: {version}", nameof(version));
        }

        using var response = await api.DeleteVersionAsync(version.Owner, version.Type, version.Name, version.Version, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        EnsureOk(response, "delete version");
        return true;
    }

    private async Task<List<PackageVersion>> ListOwnerAsync(string owner, string type, CancellationToken cancellationToken)
    {
        var result = new List<PackageVersion>();
        var received = 0;
        for (var page = 1; ; page++)
        {
            using var response = await api.ListVersionsAsync(owner, type, page, GiteaPaging.PageSize, cancellationToken);
            EnsureOk(response, $"list packages of {owner}");
            var items = response.Content ?? [];
            received += items.Count;
            // The owner list is filtered by type server-side, but check: a proxy or old server may not.
            result.AddRange(items.Where(p => string.Equals(p.Type, type, StringComparison.OrdinalIgnoreCase)).Select(p => ToVersion(owner, p)));
            if (!GiteaPaging.HasNextPage(response.Headers!, received, items.Count))
            {
                return result;
            }
        }
    }

    private PackageVersion ToVersion(string owner, GiteaPackage p) =>
        new(config.Name, owner, p.Type, p.Name, p.Version, Pins.Digest.TryParse(p.Version, out var d) ? d.Value : null, p.CreatedAt, p.Id);

    private void EnsureOk(IApiResponse response, string what)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        // The message carries the status only: never headers, which hold the token.
        throw new RegistryException(config.Name, $"{what}: HTTP {(int?)response.StatusCode} {response.StatusCode}");
    }
}
