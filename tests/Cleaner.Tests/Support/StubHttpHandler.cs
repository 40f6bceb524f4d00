using System.Net;

namespace OciCleanup.Cleaner.Tests.Support;

/// <summary>The network, as a function: answers each request and records it with the Authorization it carried.</summary>
internal sealed class StubHttpHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    public List<(HttpMethod Method, Uri Uri, string? Authorization)> Sent { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Sent.Add((request.Method, request.RequestUri!, request.Headers.Authorization?.ToString()));
        var response = answer(request);
        response.RequestMessage = request;
        return Task.FromResult(response);
    }

    public static HttpResponseMessage Redirect(string location) =>
        new(HttpStatusCode.TemporaryRedirect) { Headers = { Location = new Uri(location) } };

    public static HttpResponseMessage Challenge(string realm)
    {
        var response = new HttpResponseMessage(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ParseAdd($"Bearer realm=\"{realm}\",service=\"s\",scope=\"repository:app:pull\"");
        return response;
    }
}
