namespace OciCleanup.Cleaner;

/// <summary>
/// Bounds every response body of a client (registries, clusters): at most <paramref name="limit"/>
/// bytes, read within <paramref name="timeout"/> of the headers. HttpClient's own timeout stops at
/// the headers when a body is streamed (<c>ResponseHeadersRead</c>, as Refit, KubernetesClient and
/// our distribution client all read), so without this a body trickled a byte a second never ends.
/// </summary>
internal sealed class BoundedBodyHandler(long limit, TimeSpan timeout, TimeProvider clock) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        // A HEAD's Content-Length describes a body that never comes: nothing to bound.
        if (request.Method != HttpMethod.Head)
        {
            response.Content = new BoundedContent(response.Content, limit, timeout, clock);
        }

        return response;
    }
}
