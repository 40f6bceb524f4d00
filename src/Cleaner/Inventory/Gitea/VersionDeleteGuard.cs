namespace OciCleanup.Cleaner.Inventory;

/// <summary>
/// The last check before a DELETE leaves for Gitea's packages API, on the URL as it goes on the wire:
/// exactly <c>api/v1/packages/{owner}/{type}/{name}/{version}</c> under the configured URL, each segment
/// one safe segment. Whatever built the URL (Refit, <see cref="Uri"/>'s normalisation), a request for
/// the whole package (<c>…/{name}</c>, Gitea ≥ 1.26, docs/configuration.md, "Delete mode, multi-arch images and OCI registries") or any other path cannot be sent.
/// </summary>
internal sealed class VersionDeleteGuard(string registry, Uri baseAddress) : DelegatingHandler
{
    private const int Segments = 7; // api, v1, packages, owner, type, name, version

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Delete && !NamesOneVersion(request.RequestUri))
        {
            throw new RegistryException(registry, $"refusing DELETE {request.RequestUri?.AbsolutePath}: it does not name exactly one package version");
        }

        return await base.SendAsync(request, cancellationToken);
    }

    private bool NamesOneVersion(Uri? uri)
    {
        var root = baseAddress.AbsolutePath.TrimEnd('/') + "/";
        if (uri is not { IsAbsoluteUri: true } || uri.Query.Length > 0 || !uri.AbsolutePath.StartsWith(root, StringComparison.Ordinal))
        {
            return false;
        }

        var segments = uri.AbsolutePath[root.Length..].Split('/');
        return segments.Length == Segments
            && segments[0] == "api" && segments[1] == "v1" && segments[2] == "packages"
            && segments.Skip(3).All(s => PathSegment.Escape(Uri.UnescapeDataString(s), slashAllowed: true) is not null);
    }
}
