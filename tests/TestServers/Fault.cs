using Microsoft.AspNetCore.Http;

namespace OciCleanup.TestServers;

/// <summary>What <see cref="FaultProxy"/> does to one answer.</summary>
public abstract partial record Fault
{
    public abstract Task ApplyAsync(HttpContext http, ProxiedResponse upstream);

    private static async Task WriteAsync(HttpContext http, ProxiedResponse response, int? announcedLength = null, int? sendBytes = null)
    {
        http.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            http.Response.Headers[name] = value;
        }

        http.Response.ContentLength = announcedLength ?? response.Body.Length;
        if (!HttpMethods.IsHead(http.Request.Method))
        {
            await http.Response.Body.WriteAsync(response.Body.AsMemory(0, sendBytes ?? response.Body.Length));
        }
    }

    /// <summary>The upstream answer, unchanged.</summary>
    public sealed record None : Fault
    {
        public override Task ApplyAsync(HttpContext http, ProxiedResponse upstream) => WriteAsync(http, upstream);
    }

    /// <summary>A rewritten answer: other body, other headers (short pages, lying totals, Link loops).</summary>
    public sealed record Replace(ProxiedResponse Response) : Fault
    {
        public override Task ApplyAsync(HttpContext http, ProxiedResponse upstream) => WriteAsync(http, Response);
    }

    /// <summary>The headers promise the whole body; only the first bytes come, then the connection is reset.</summary>
    public sealed record CutShort(double Fraction = 0.5) : Fault
    {
        public override async Task ApplyAsync(HttpContext http, ProxiedResponse upstream)
        {
            await WriteAsync(http, upstream, upstream.Body.Length, (int)(upstream.Body.Length * Fraction));
            await http.Response.Body.FlushAsync();
            http.Abort();
        }
    }

    /// <summary>The connection is dropped before any answer (a server gone, a proxy restarting).</summary>
    public sealed record Reset : Fault
    {
        public override Task ApplyAsync(HttpContext http, ProxiedResponse upstream)
        {
            http.Abort();
            return Task.CompletedTask;
        }
    }

    /// <summary>An auth proxy's login page, answered with 200 (oauth2-proxy, Authelia in front of a registry).</summary>
    public sealed record HtmlLogin : Fault
    {
        public override Task ApplyAsync(HttpContext http, ProxiedResponse upstream) =>
            WriteAsync(http, new ProxiedResponse(200, new Dictionary<string, string> { ["Content-Type"] = "text/html; charset=utf-8" }, "<!doctype html><html><body><form action=\"/oauth2/start\">Sign in</form></body></html>"u8.ToArray()));
    }

    /// <summary>Another status, with a small JSON error body.</summary>
    public sealed record Status(int Code) : Fault
    {
        public override Task ApplyAsync(HttpContext http, ProxiedResponse upstream) =>
            WriteAsync(http, new ProxiedResponse(Code, new Dictionary<string, string> { ["Content-Type"] = "application/json" }, "{\"message\":\"injected\"}"u8.ToArray()));
    }
}
