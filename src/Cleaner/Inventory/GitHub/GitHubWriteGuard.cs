using System.Text.RegularExpressions;

namespace OciCleanup.Cleaner.Inventory.GitHub;

/// <summary>
/// The last check before a write leaves for GitHub, on the URL as it goes on the wire. To the packages
/// API: a DELETE only of <c>…/packages/container/{name}/versions/{id}</c>, a POST only of its
/// <c>/restore</c> — never a whole package. To ghcr.io (<paramref name="api"/> false): no write at all,
/// since its <c>/v2</c> DELETE is unsupported and a pushed throwaway manifest is never how to untag.
/// </summary>
internal sealed partial class GitHubWriteGuard(string registry, Uri baseAddress, bool api) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Get && request.Method != HttpMethod.Head && !Allowed(request))
        {
            throw new RegistryException(registry, $"refusing {request.Method} {request.RequestUri?.AbsolutePath}: to GitHub only one package version is ever deleted or restored, through the packages API");
        }

        return await base.SendAsync(request, cancellationToken);
    }

    private bool Allowed(HttpRequestMessage request)
    {
        var root = baseAddress.AbsolutePath.TrimEnd('/') + "/";
        if (!api || request.RequestUri is not { IsAbsoluteUri: true } uri || uri.Query.Length > 0 || !uri.AbsolutePath.StartsWith(root, StringComparison.Ordinal))
        {
            return false;
        }

        var match = VersionPath().Match(uri.AbsolutePath[root.Length..]);
        return match.Success && (request.Method == HttpMethod.Delete ? !match.Groups["restore"].Success : request.Method == HttpMethod.Post && match.Groups["restore"].Success)
            && PathSegment.Escape(Uri.UnescapeDataString(match.Groups["name"].Value), slashAllowed: true) is not null;
    }

    [GeneratedRegex(@"^(user|users/[A-Za-z0-9-]+|orgs/[A-Za-z0-9-]+)/packages/container/(?<name>[^/]+)/versions/[1-9][0-9]{0,18}(?<restore>/restore)?$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPath();
}
