using System.Collections.Immutable;
using System.Net;
using Microsoft.Extensions.Logging;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Pins.PinsFiles;
using Refit;

namespace OciCleanup.Cleaner.Inventory;

/// <summary>
/// A Gitea or Forgejo registry, inventoried and deleted through the packages API. Each inventory
/// gets a new manifest reader: the index bodies a reader keeps serve that inventory only, and at
/// 100k versions they are megabytes.
/// </summary>
internal sealed class GiteaRegistry(RegistryConfig config, IGiteaPackagesApi api, DistributionClient distribution, Func<IManifestReader> newManifestReader, ILogger<GiteaRegistry> logger) : IRegistry
{
    /// <summary>A bound on pages requested ahead, whatever total a server announces.</summary>
    private const int MaxPrefetchedPages = 10_000;

    public RegistryConfig Config => config;

    public IManifestStore Manifests { get; } = new DistributionManifestStore(distribution, p => $"{p.Owner}/{p.Name}");

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

        var described = await newManifestReader().DescribeAsync(versions.ToImmutable(), cancellationToken);
        logger.LogInformation("Inventoried {Versions} versions in registry {Registry}", described.Length, config.Name);
        return described;
    }

    public async Task<PackageVersion?> RereadAsync(PackageVersion version, CancellationToken cancellationToken)
    {
        RequireOneVersionPath(version);
        using var response = await api.GetVersionAsync(version.Owner!, version.Type, version.Name, version.Version, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var fresh = ToVersion(version.Owner!, ContentOf(response, $"read version {version}"));
        if (fresh.Type != PackageTypes.Container)
        {
            return fresh;
        }

        // A fresh HEAD, never the run's cache: the point is to see a re-push since planning.
        var head = await distribution.HeadManifestAsync($"{fresh.Owner}/{fresh.Name}", fresh.Version, cancellationToken);
        return head is null ? null : fresh with { Digest = head.Digest, MediaType = head.MediaType };
    }

    /// <summary>
    /// Gitea's <c>/files</c> of the version: one file per blob (<c>manifest.json</c>, <c>sha256_&lt;hex&gt;</c>),
    /// each with its size (<c>size</c>, or <c>Size</c> before Gitea 1.24 and on Forgejo) and sha256.
    /// </summary>
    public async Task<Reporting.VersionBlobs?> BlobsAsync(PackageVersion version, CancellationToken cancellationToken)
    {
        RequireOneVersionPath(version);
        using var response = await api.ListFilesAsync(version.Owner!, version.Type, version.Name, version.Version, cancellationToken);
        EnsureOk(response, $"list files of {version}");
        if (response.Content.ValueKind != System.Text.Json.JsonValueKind.Array)
        {
            return null;
        }

        var sizes = ImmutableDictionary.CreateBuilder<string, long>();
        foreach (var file in response.Content.EnumerateArray())
        {
            var size = file.TryGetProperty("size", out var s) || file.TryGetProperty("Size", out s) ? s.GetInt64() : -1;
            if (size >= 0 && file.TryGetProperty("sha256", out var hex) && hex.GetString() is { Length: 64 } sha256)
            {
                sizes["sha256:" + sha256] = size;
            }
        }

        return new Reporting.VersionBlobs(sizes.ToImmutable());
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

        RequireOneVersionPath(version);
        using var response = await api.DeleteVersionAsync(version.Owner, version.Type, version.Name, version.Version, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        if ((int?)response.StatusCode is >= 300 and < 400)
        {
            // Not followed (RedirectHandler): what another host answers to a DELETE proves nothing.
            throw new RegistryException(config.Name, $"delete version {version}: answered HTTP {(int)response.StatusCode!} (a redirect, not followed); the version was not deleted");
        }

        EnsureOk(response, $"delete version {version}");
        return true;
    }

    /// <summary>
    /// One owner's list. Once the first page gives the total, the pages it implies are requested
    /// together (up to <c>concurrency</c> in flight), but consumed strictly in the order the server's
    /// paging names them, so <see cref="ListingGuard"/> sees exactly what a page-by-page read would.
    /// </summary>
    private async Task<List<PackageVersion>> ListOwnerAsync(string owner, string type, CancellationToken cancellationToken)
    {
        var what = $"list {type} packages of {owner}";
        var guard = new ListingGuard(config.Name, what);
        var result = new List<PackageVersion>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal); // one string per package, not per version
        using var slots = new SemaphoreSlim(config.Concurrency);
        using var unneeded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var prefetched = new Dictionary<int, Task<IApiResponse<List<GiteaPackage>>>>();
        try
        {
            for (int? page = 1; page is { } number;)
            {
                var response = prefetched.Remove(number, out var ahead) ? await ahead : await api.ListVersionsAsync(owner, type, number, GiteaPaging.PageSize, cancellationToken);
                using (response)
                {
                    var items = ContentOf(response, $"{what}, page {number}");
                    var total = GiteaPaging.Total(response.Headers!)
                        ?? throw new RegistryException(config.Name, $"{what}, page {number}: no X-Total-Count header, so the list cannot be proven complete");
                    guard.Page(number.ToString(System.Globalization.CultureInfo.InvariantCulture), [.. items.Select(p => $"{p.Type}/{p.Name}=={p.Version}")], total);
                    // The owner list is filtered by type server-side, but check: a proxy or old server may not.
                    result.AddRange(items.Where(p => string.Equals(p.Type, type, StringComparison.OrdinalIgnoreCase)).Select(p => ToVersion(owner, p with { Name = Shared(names, p.Name) })));
                    page = GiteaPaging.NextPage(response.Headers!, number, guard.Received, items.Count, total);
                    guard.Next(page?.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    if (number == 1 && items.Count > 0)
                    {
                        // The server's page size is what the first page held (Gitea clamps the limit).
                        var last = Math.Min(MaxPrefetchedPages, (total + items.Count - 1) / items.Count);
                        for (var next = 2; next <= last; next++)
                        {
                            prefetched[next] = FetchAsync(owner, type, next, slots, unneeded.Token);
                        }
                    }
                }
            }

            guard.Finish();
            return result;
        }
        finally
        {
            // Pages the list did not need (it ended early or failed): stop, wait for and dispose them.
            await unneeded.CancelAsync();
            foreach (var unused in prefetched.Values)
            {
                try
                {
                    (await unused).Dispose();
                }
                catch (Exception e) when (e is OperationCanceledException or HttpRequestException)
                {
                    // The list has already failed or ended; what an unused page did is not news.
                }
            }
        }
    }

    private async Task<IApiResponse<List<GiteaPackage>>> FetchAsync(string owner, string type, int page, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        try
        {
            return await api.ListVersionsAsync(owner, type, page, GiteaPaging.PageSize, cancellationToken);
        }
        finally
        {
            slots.Release();
        }
    }

    private static string Shared(Dictionary<string, string> strings, string value)
    {
        if (!strings.TryGetValue(value, out var shared))
        {
            strings[value] = shared = value;
        }

        return shared;
    }

    /// <summary>
    /// Owner, type, name and version each as one path segment, checked before any request names them:
    /// Refit escapes each the same way, and <see cref="VersionDeleteGuard"/> checks the DELETE on the wire.
    /// </summary>
    private void RequireOneVersionPath(PackageVersion version)
    {
        PathSegment.Require(config.Name, "owner", version.Owner);
        PathSegment.Require(config.Name, "package type", version.Type);
        PathSegment.Require(config.Name, "package name", version.Name, slashAllowed: true);
        PathSegment.Require(config.Name, $"version of {version.Type}/{version.Name}", version.Version);
    }

    private PackageVersion ToVersion(string owner, GiteaPackage p) =>
        new(config.Name, owner, p.Type == PackageTypes.Container ? PackageTypes.Container : p.Type, p.Name, p.Version, Pins.Digest.TryParse(p.Version, out var d) ? d.Value : null, p.CreatedAt, p.Id);

    /// <summary>
    /// The body of a successful answer, or a <see cref="RegistryException"/> that keeps the cause:
    /// an HTTP error status, a body that is not the JSON expected (cut short, reset, an auth proxy's
    /// HTML login page answered with 200 — Refit puts that in <c>Error</c> with a 2xx status), no
    /// body at all, or the transport failure (connection refused, name resolution, TLS, timeout).
    /// </summary>
    private T ContentOf<T>(IApiResponse<T> response, string what)
        where T : class
    {
        EnsureOk(response, what);
        return response.Content ?? throw new RegistryException(config.Name, $"{what}: HTTP {(int?)response.StatusCode} with an empty body");
    }

    private void EnsureOk(IApiResponse response, string what)
    {
        // The messages carry the status and the cause only: never headers, which hold the token.
        if (response.Error is ApiException { StatusCode: var status } && !response.IsSuccessStatusCode && response.StatusCode is not null)
        {
            throw new RegistryException(config.Name, $"{what}: HTTP {(int)status} {status}");
        }

        if (response.Error is { } error)
        {
            throw new RegistryException(config.Name, $"{what}: {ErrorCause.Describe(error, RegistryFactory.RequestTimeout, config.Url)}");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new RegistryException(config.Name, $"{what}: HTTP {(int?)response.StatusCode} {response.StatusCode}");
        }
    }
}
