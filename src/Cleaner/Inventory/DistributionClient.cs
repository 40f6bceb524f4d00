using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using OciCleanup.Pins;

namespace OciCleanup.Cleaner.Inventory;

/// <summary>
/// The OCI distribution API (<c>/v2</c>) of any registry, Gitea's included: catalog, tags,
/// manifest HEAD/GET/DELETE. Authentication (basic, or bearer tokens on challenge) is the
/// <see cref="HttpClient"/>'s handlers' business, so no credential passes through here.
/// </summary>
internal sealed class DistributionClient(HttpClient http, string registryName)
{
    public async Task<ManifestHead?> HeadManifestAsync(string repository, string reference, CancellationToken cancellationToken)
    {
        using var response = await ManifestAsync(HttpMethod.Head, repository, reference, cancellationToken);
        if (response is null)
        {
            return null;
        }

        var digestHeader = response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.FirstOrDefault() : null;
        var digest = Digest.TryParse(digestHeader, out var d) ? d : (Digest.TryParse(reference, out var r) ? r : null);
        return digest is null
            ? throw new RegistryException(registryName, $"HEAD manifest {repository}:{reference}: no Docker-Content-Digest")
            : new ManifestHead(digest.Value, ManifestMediaTypes.Shared(response.Content.Headers.ContentType?.MediaType));
    }

    public async Task<ManifestBody?> GetManifestAsync(string repository, string reference, CancellationToken cancellationToken)
    {
        if (await GetRawManifestAsync(repository, reference, cancellationToken) is not { } raw)
        {
            return null;
        }

        try
        {
            return ManifestBody.Parse(raw.Bytes, raw.MediaType);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new RegistryException(registryName, $"GET manifest {repository}:{reference}: {ErrorCause.Describe(e)}");
        }
    }

    /// <summary>A manifest request accepting every manifest type; null on 404, throws on other errors.</summary>
    private async Task<HttpResponseMessage?> ManifestAsync(HttpMethod method, string repository, string reference, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, Path(repository, "manifests", reference));
        request.Headers.Accept.ParseAdd(ManifestMediaTypes.Accept);
        var response = await SendAsync(request, $"{method} manifest {repository}:{reference}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            response.Dispose();
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            throw new RegistryException(registryName, $"{method} manifest {repository}:{reference}: HTTP {status}");
        }

        return response;
    }

    /// <summary>A manifest's exact bytes and media type (for the audit trail); null on 404.</summary>
    public async Task<RawManifest?> GetRawManifestAsync(string repository, string reference, CancellationToken cancellationToken)
    {
        using var response = await ManifestAsync(HttpMethod.Get, repository, reference, cancellationToken);
        if (response is null)
        {
            return null;
        }

        var bytes = await ReadAsync(() => BoundedBody.ReadAsync(response.Content, ReadBounds.ManifestBytes, cancellationToken), $"GET manifest {repository}:{reference}", cancellationToken);
        return new RawManifest(bytes, response.Content.Headers.ContentType?.MediaType ?? ManifestMediaTypes.OciManifest);
    }

    /// <summary>Whether a blob is still stored (HEAD): before garbage collection, a deleted manifest's blobs are.</summary>
    public async Task<bool> HasBlobAsync(string repository, Digest digest, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, Path(repository, "blobs", digest.ToString()));
        using var response = await SendAsync(request, $"HEAD blob {repository}@{digest}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        Ensure(response, "HEAD blob", repository, digest.ToString());
        return true;
    }

    /// <summary>Pushes a manifest under a tag or its digest.</summary>
    public async Task PutManifestAsync(string repository, string reference, RawManifest manifest, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, Path(repository, "manifests", reference)) { Content = new ByteArrayContent(manifest.Bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(manifest.MediaType);
        using var response = await SendAsync(request, $"PUT manifest {repository}:{reference}", cancellationToken);
        Ensure(response, "PUT manifest", repository, reference);
    }

    /// <summary>A small blob, such as an image config, as JSON; null when absent.</summary>
    public async Task<JsonDocument?> GetJsonBlobAsync(string repository, Digest digest, CancellationToken cancellationToken)
    {
        var what = $"GET blob {repository}:{digest}";
        using var request = new HttpRequestMessage(HttpMethod.Get, Path(repository, "blobs", digest.ToString()));
        using var response = await SendAsync(request, what, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        Ensure(response, "GET blob", repository, digest.ToString());
        var bytes = await ReadAsync(() => BoundedBody.ReadAsync(response.Content, ReadBounds.RegistryResponseBytes, cancellationToken), what, cancellationToken);
        try
        {
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw new RegistryException(registryName, $"{what}: {ErrorCause.Describe(e)}");
        }
    }

    public async Task<ImmutableArray<string>> ListRepositoriesAsync(CancellationToken cancellationToken) =>
        await ListPagedAsync("v2/_catalog?n=1000", "repositories", cancellationToken);

    /// <summary>
    /// The tags of a repository. One the catalog listed and that is gone now (404) has none; one the
    /// configuration names (<paramref name="named"/>) must exist: distribution answers an emptied repository
    /// <c>"tags": null</c>, so a 404 is a typo or a repository moved, and listing nothing would hide it.
    /// </summary>
    public async Task<ImmutableArray<string>> ListTagsAsync(string repository, CancellationToken cancellationToken, bool named = false) =>
        // A cap, so that a registry listing millions of tags fails the source instead of costing gigabytes and a HEAD per tag.
        await ListPagedAsync(Path(repository, "tags", "list") + "?n=1000", "tags", cancellationToken, ReadBounds.MaxTagsPerRepository, $"repository {repository} lists more than {ReadBounds.MaxTagsPerRepository} tags (the most one repository may have here)",
            named ? $"repository {repository} named in repositories.names does not exist (HTTP 404): a typo, or a repository deleted or moved; correct the name or remove it" : null);

    /// <summary>Deletes a manifest by digest — every tag that points at it goes too.</summary>
    public async Task<bool> DeleteManifestAsync(string repository, Digest digest, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, Path(repository, "manifests", digest.ToString()));
        using var response = await SendAsync(request, $"DELETE manifest {repository}@{digest}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        if ((int)response.StatusCode is >= 300 and < 400)
        {
            // Not followed (RedirectHandler): what another host answers to a DELETE proves nothing.
            throw new RegistryException(registryName, $"DELETE manifest {repository}@{digest}: answered HTTP {(int)response.StatusCode} (a redirect, not followed); the manifest was not deleted");
        }

        Ensure(response, "DELETE manifest", repository, digest.ToString());
        return true;
    }

    /// <summary>
    /// <c>v2/{repository}/{route}/{reference}</c>, each part one escaped path segment, checked once built:
    /// a name or tag from the server that <see cref="Uri"/> would turn into another path (<c>..</c>,
    /// <c>%2e</c>, <c>\</c>) is never requested, so a DELETE can only address the manifest it names.
    /// </summary>
    private string Path(string repository, string route, string reference)
    {
        var parts = repository.Split('/').Select(p => PathSegment.Require(registryName, $"repository {repository}: part", p)).Append(route).Append(PathSegment.Require(registryName, $"reference of {repository}", reference));
        var relative = "v2/" + string.Join('/', parts);
        var root = http.BaseAddress ?? throw new InvalidOperationException("a registry client has a base address");
        var built = new Uri(root, relative);
        return built.AbsolutePath == root.AbsolutePath + relative && SameAuthority(built, root)
            ? relative
            : throw new RegistryException(registryName, $"{route} {repository}:{reference}: the URL built is {built.AbsolutePath}, not one resource; not requested");
    }

    private static bool SameAuthority(Uri a, Uri b) => Uri.Compare(a, b, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) == 0;

    /// <summary>
    /// Every item of a paged list (<c>_catalog</c>, tags), following <c>Link rel="next"</c>. A body that is
    /// not the JSON expected, an item listed twice or a next link already read fails the whole list.
    /// </summary>
    private async Task<ImmutableArray<string>> ListPagedAsync(string first, string property, CancellationToken cancellationToken, int maxItems = int.MaxValue, string overMax = "", string? missing = null)
    {
        var guard = new ListingGuard(registryName, $"GET {first.Split('?')[0]}", maxPages: 10_000);
        var items = ImmutableArray.CreateBuilder<string>();
        string? next = first;
        while (next is not null)
        {
            var what = $"GET {next}";
            using var request = new HttpRequestMessage(HttpMethod.Get, next);
            using var response = await SendAsync(request, what, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound && missing is not null)
            {
                throw new RegistryException(registryName, missing);
            }

            if (response.StatusCode == HttpStatusCode.NotFound && property == "tags")
            {
                // A repository whose last tag was deleted: distribution answers NAME_UNKNOWN or no tags.
                break;
            }

            Ensure(response, "GET", next, "");
            var page = PageItems(await ReadAsync(() => BoundedBody.ReadAsync(response.Content, ReadBounds.RegistryResponseBytes, cancellationToken), what, cancellationToken), property, what);
            guard.Page(next, page, announcedTotal: null);
            items.AddRange(page);
            if (items.Count > maxItems)
            {
                throw new RegistryException(registryName, overMax);
            }

            next = NextLink(response.Headers);
            guard.Next(next);
        }

        guard.Finish();
        return items.ToImmutable();
    }

    private ImmutableArray<string> PageItems(byte[] body, string property, string what)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty(property, out var array))
            {
                throw new RegistryException(registryName, $"{what}: the body has no '{property}' list");
            }

            // distribution answers "tags": null for a repository with no tags left.
            return array.ValueKind switch
            {
                JsonValueKind.Null => [],
                JsonValueKind.Array => [.. array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new RegistryException(registryName, $"{what}: '{property}' holds a {e.ValueKind}, not a name"))],
                _ => throw new RegistryException(registryName, $"{what}: '{property}' is a {array.ValueKind}, not a list"),
            };
        }
        catch (JsonException e)
        {
            throw new RegistryException(registryName, $"{what}: {ErrorCause.Describe(e)}");
        }
    }

    /// <summary>Sends a request; a transport failure becomes a <see cref="RegistryException"/> that keeps its cause.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or Polly.Timeout.TimeoutRejectedException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new RegistryException(registryName, $"{what}: {ErrorCause.Describe(e, http.Timeout, request.RequestUri is { IsAbsoluteUri: true } sent ? sent : http.BaseAddress)}");
        }
    }

    /// <summary>Reads a body; a connection reset or a body cut short becomes a <see cref="RegistryException"/>.</summary>
    private async Task<T> ReadAsync<T>(Func<Task<T>> read, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await read();
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new RegistryException(registryName, $"{what}: the body could not be read: {ErrorCause.Describe(e, http.Timeout, http.BaseAddress)}");
        }
    }

    private static string? NextLink(HttpResponseHeaders headers)
    {
        if (!headers.TryGetValues("Link", out var links))
        {
            return null;
        }

        var link = links.FirstOrDefault(l => l.Contains("rel=\"next\"", StringComparison.Ordinal));
        if (link is null)
        {
            return null;
        }

        var start = link.IndexOf('<', StringComparison.Ordinal) + 1;
        var end = link.IndexOf('>', StringComparison.Ordinal);
        return end > start ? link[start..end].TrimStart('/') : null;
    }

    private void Ensure(HttpResponseMessage response, string what, string repository, string reference)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new RegistryException(registryName, $"{what} {repository}{(reference.Length > 0 ? ":" + reference : "")}: HTTP {(int)response.StatusCode}");
        }
    }
}

internal sealed record ManifestHead(Digest Digest, string? MediaType);
