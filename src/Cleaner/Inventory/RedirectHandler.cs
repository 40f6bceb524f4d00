using System.Net;

namespace OciCleanup.Cleaner.Inventory;

/// <summary>
/// Follows redirects of reads (GET, HEAD) — the usual redirect of a blob or manifest to S3 or a CDN —
/// as a new request that carries no <c>Authorization</c>; the auth handler below adds credentials
/// again only if the target is the registry itself. Any other method's redirect (a DELETE, a PUT) is
/// returned as it came, an error for the caller: what another host answers to a write proves nothing.
/// An https → http redirect is not followed either.
/// </summary>
internal sealed class RedirectHandler : DelegatingHandler
{
    /// <summary>More hops than this is a loop or a trap: the last redirect is the answer.</summary>
    public const int MaxRedirects = 5;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var current = request;
        for (var hop = 0; hop < MaxRedirects && Target(current, response) is { } target; hop++)
        {
            var next = new HttpRequestMessage(current.Method, target) { Version = current.Version, VersionPolicy = current.VersionPolicy };
            foreach (var header in current.Headers.Where(h => !h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)))
            {
                next.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Dispose();
            if (current != request)
            {
                current.Dispose();
            }

            current = next;
            response = await base.SendAsync(current, cancellationToken);
        }

        return response;
    }

    /// <summary>Where a read's redirect points, or null when it is not one to follow.</summary>
    private static Uri? Target(HttpRequestMessage request, HttpResponseMessage response)
    {
        if (response.StatusCode is not (HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect)
            || (request.Method != HttpMethod.Get && request.Method != HttpMethod.Head)
            || response.Headers.Location is not { } location
            || request.RequestUri is not { IsAbsoluteUri: true } from)
        {
            return null;
        }

        var target = location.IsAbsoluteUri ? location : new Uri(from, location);
        return target.Scheme is "http" or "https" && !(from.Scheme == Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttps) ? target : null;
    }
}
