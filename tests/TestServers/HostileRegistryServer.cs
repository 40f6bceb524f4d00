using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace OciCleanup.TestServers;

/// <summary>
/// A registry (or a front before a real one) that answers as a hostile server or network would:
/// a redirect to another host, a 401 whose Bearer realm names another host, a token for anyone.
/// What <see cref="Answer"/> does not answer is forwarded to the upstream, if any, else 404. Every
/// request is recorded with its <c>Authorization</c> header, so a test sees exactly who got credentials.
/// </summary>
public sealed class HostileRegistryServer(Uri? upstream = null, X509Certificate2? certificate = null) : LoopbackServer
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase) { "Transfer-Encoding", "Connection", "Keep-Alive" };
    private readonly HttpClient _client = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });

    /// <summary>The answer to one request; null forwards it unchanged to the upstream.</summary>
    public Func<HttpRequest, IResult?> Answer { get; set; } = _ => null;

    /// <summary>307 to the same path and query on another server (a CDN, S3, or an attacker).</summary>
    public static IResult RedirectTo(Uri server, HttpRequest request) =>
        Results.Redirect(new Uri(server, request.Path.Value!.TrimStart('/') + request.QueryString).ToString(), permanent: false, preserveMethod: true);

    /// <summary>401 with <c>WWW-Authenticate: Bearer realm="…"</c>, as a registry asking for a token.</summary>
    public static IResult Challenge(Uri realm) => new ChallengeResult($"Bearer realm=\"{realm}\",service=\"hostile\",scope=\"registry:catalog:*\"");

    /// <summary>With a certificate, https on 127.0.0.1 (an https registry); else plain http.</summary>
    protected override void Listen(WebApplicationBuilder builder)
    {
        if (certificate is null)
        {
            base.Listen(builder);
            return;
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
    }

    protected override void Map(WebApplication app) => app.Run(async http =>
    {
        if (Answer(http.Request) is { } answer)
        {
            await answer.ExecuteAsync(http);
        }
        else if (upstream is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
        }
        else
        {
            await ForwardAsync(http, upstream);
        }
    });

    private async Task ForwardAsync(HttpContext http, Uri to)
    {
        using var request = new HttpRequestMessage(new HttpMethod(http.Request.Method), new Uri(to, http.Request.Path.Value!.TrimStart('/') + http.Request.QueryString));
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body);
        if (body.Length > 0)
        {
            request.Content = new ByteArrayContent(body.ToArray());
            request.Content.Headers.TryAddWithoutValidation("Content-Type", http.Request.ContentType);
        }

        foreach (var header in http.Request.Headers.Where(h => h.Key is "Authorization" or "Accept"))
        {
            request.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string>)header.Value);
        }

        using var response = await _client.SendAsync(request);
        http.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers).Where(h => !HopHeaders.Contains(h.Key)))
        {
            http.Response.Headers[name] = values.ToArray();
        }

        await response.Content.CopyToAsync(http.Response.Body);
    }

    private sealed class ChallengeResult(string header) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status401Unauthorized;
            httpContext.Response.Headers.WWWAuthenticate = header;
            return Task.CompletedTask;
        }
    }
}
