using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OciCleanup.TestServers;

/// <summary>
/// A reverse proxy on loopback in front of a real server (the Gitea test server, the distribution
/// registry), injecting at the HTTP level the faults real networks and proxies produce: bodies cut
/// short, connections reset mid-body, an auth proxy's HTML login page answered with 200, rewritten
/// bodies and headers (short or duplicated pages, lying totals, Link loops), statuses, a server gone.
/// Every request is recorded (as with every <see cref="LoopbackServer"/>) before it is forwarded.
/// </summary>
public sealed class FaultProxy(Uri upstream) : LoopbackServer
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase) { "Transfer-Encoding", "Connection", "Keep-Alive", "Content-Length" };
    private readonly HttpClient _client = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = upstream };
    private readonly ConcurrentDictionary<string, int> _seen = new(StringComparer.Ordinal);
    private int _inFlight;
    private int _maxInFlight;

    /// <summary>The most requests that were in the proxy at once, for checking a client's concurrency.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Rewrites the path and query before forwarding, e.g. a proxy that drops <c>page</c>.</summary>
    public Func<string, string>? RewriteRequest { get; set; }

    /// <summary>Decides the fault for one exchange; null forwards the upstream answer unchanged.</summary>
    public Func<ProxiedExchange, Fault?>? Faults { get; set; }

    protected override void Map(WebApplication app) => app.Run(ForwardAsync);

    private async Task ForwardAsync(HttpContext http)
    {
        var now = Interlocked.Increment(ref _inFlight);
        var max = Volatile.Read(ref _maxInFlight);
        while (now > max && Interlocked.CompareExchange(ref _maxInFlight, now, max) is var seen && seen != max)
        {
            max = seen;
        }

        try
        {
            await ForwardOnceAsync(http);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task ForwardOnceAsync(HttpContext http)
    {
        var pathAndQuery = http.Request.Path + http.Request.QueryString;
        var forwarded = RewriteRequest?.Invoke(pathAndQuery) ?? pathAndQuery;
        using var request = new HttpRequestMessage(new HttpMethod(http.Request.Method), forwarded.TrimStart('/'));
        foreach (var header in http.Request.Headers.Where(h => h.Key is "Authorization" or "Accept"))
        {
            request.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string>)header.Value);
        }

        using var response = await _client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(h => !HopHeaders.Contains(h.Key))
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var exchange = new ProxiedExchange(http.Request.Method, http.Request.Path.Value ?? "", http.Request.QueryString.Value ?? "",
            _seen.AddOrUpdate(http.Request.Method + " " + pathAndQuery, 1, (_, n) => n + 1),
            new ProxiedResponse((int)response.StatusCode, headers, body));
        await (Faults?.Invoke(exchange) ?? new Fault.None()).ApplyAsync(http, exchange.Response);
    }
}

/// <summary>
/// One request through the proxy and the upstream's answer to it. <c>Count</c> is how many times
/// this method, path and query came through, this one included.
/// </summary>
public sealed record ProxiedExchange(string Method, string Path, string Query, int Count, ProxiedResponse Response);

/// <summary>An answer as the upstream gave it (or as a fault rewrites it).</summary>
public sealed record ProxiedResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);

    public ProxiedResponse WithHeader(string name, string? value)
    {
        var headers = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase);
        if (value is null)
        {
            headers.Remove(name);
        }
        else
        {
            headers[name] = value;
        }

        return this with { Headers = headers };
    }

    public ProxiedResponse WithText(string text) => this with { Body = System.Text.Encoding.UTF8.GetBytes(text) };
}
