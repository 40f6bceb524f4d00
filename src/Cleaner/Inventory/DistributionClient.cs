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
            : new ManifestHead(digest.Value, response.Content.Headers.ContentType?.MediaType);
    }

    public async Task<ManifestBody?> GetManifestAsync(string repository, string reference, CancellationToken cancellationToken)
    {
        using var response = await ManifestAsync(HttpMethod.Get, repository, reference, cancellationToken);
        if (response is null)
        {
            return null;
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return ManifestBody.Parse(bytes, response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A manifest request accepting every manifest type; null on 404, throws on other errors.</summary>
    private async Task<HttpResponseMessage?> ManifestAsync(HttpMethod method, string repository, string reference, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, $"v2/{repository}/manifests/{reference}");
        request.Headers.Accept.ParseAdd(ManifestMediaTypes.Accept);
        var response = await http.SendAsync(request, cancellationToken);
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

    /// <summary>A small blob, such as an image config, as JSON; null when absent.</summary>
    public async Task<JsonDocument?> GetJsonBlobAsync(string repository, Digest digest, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"v2/{repository}/blobs/{digest}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        Ensure(response, "GET blob", repository, digest.ToString());
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
    }

    public async Task<ImmutableArray<string>> ListRepositoriesAsync(CancellationToken cancellationToken) =>
        await ListPagedAsync("v2/_catalog?n=1000", "repositories", cancellationToken);

    public async Task<ImmutableArray<string>> ListTagsAsync(string repository, CancellationToken cancellationToken) =>
        await ListPagedAsync($"v2/{repository}/tags/list?n=1000", "tags", cancellationToken);

    /// <summary>Deletes a manifest by digest — every tag that points at it goes too.</summary>
    public async Task<bool> DeleteManifestAsync(string repository, Digest digest, CancellationToken cancellationToken)
    {
        using var response = await http.DeleteAsync($"v2/{repository}/manifests/{digest}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        Ensure(response, "DELETE manifest", repository, digest.ToString());
        return true;
    }

    private async Task<ImmutableArray<string>> ListPagedAsync(string first, string property, CancellationToken cancellationToken)
    {
        var items = ImmutableArray.CreateBuilder<string>();
        string? next = first;
        while (next is not null)
        {
            using var response = await http.GetAsync(next, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound && property == "tags")
            {
                break;
            }

            Ensure(response, "GET", next, "");
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            if (json.RootElement.TryGetProperty(property, out var array) && array.ValueKind == JsonValueKind.Array)
            {
                items.AddRange(array.EnumerateArray().Select(e => e.GetString()!).Where(s => s is not null));
            }

            next = NextLink(response.Headers);
        }

        return items.ToImmutable();
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
