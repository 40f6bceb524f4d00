using Microsoft.AspNetCore.Http;

namespace OciCleanup.TestServers;

/// <summary>
/// Hostile bodies: a huge <c>Content-Length</c>, a chunked body that does not end, a body trickled a
/// byte at a time. Each keeps writing until the client hangs up (or a cap keeps a broken client from
/// eating the test machine) and counts what it handed over in <c>Sent</c>.
/// </summary>
public abstract partial record Fault
{
    private static readonly byte[] Filler = [.. Enumerable.Repeat((byte)' ', 64 * 1024)];

    private static void WriteHeaders(HttpContext http, ProxiedResponse upstream, long? contentLength)
    {
        http.Response.StatusCode = upstream.Status;
        foreach (var (name, value) in upstream.Headers)
        {
            http.Response.Headers[name] = value;
        }

        http.Response.ContentLength = contentLength;
    }

    /// <summary>Writes filler until <paramref name="total"/> bytes or the client is gone, pausing after each write.</summary>
    private static async Task StreamAsync(HttpContext http, long total, int chunk, TimeSpan pause, ByteCount sent)
    {
        try
        {
            // Kestrel drops writes after the client hung up without failing them, and tells RequestAborted on
            // the thread pool a moment later: the pause between writes lets that arrive, so the count stays true.
            for (long written = 0; written < total && !http.RequestAborted.IsCancellationRequested; written += chunk)
            {
                var size = (int)Math.Min(chunk, total - written);
                await http.Response.Body.WriteAsync(Filler.AsMemory(0, size), http.RequestAborted);
                await http.Response.Body.FlushAsync(http.RequestAborted);
                sent.Add(size);
                await Task.Delay(pause, http.RequestAborted);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
        {
            // The client hung up: what it refused is the point.
        }

        http.Abort();
    }

    /// <summary>The upstream's headers with <c>Content-Length: Announced</c>, then filler for as long as the client reads.</summary>
    public sealed record OversizedContentLength(long Announced, ByteCount Sent) : Fault
    {
        public override Task ApplyAsync(HttpContext http, ProxiedResponse upstream)
        {
            WriteHeaders(http, upstream, Announced);
            return StreamAsync(http, Announced, Filler.Length, TimeSpan.FromMilliseconds(1), Sent);
        }
    }

    /// <summary>A chunked body (no length) of filler that ends only after <paramref name="StopAfter"/> bytes.</summary>
    public sealed record EndlessChunked(long StopAfter, ByteCount Sent) : Fault
    {
        public override Task ApplyAsync(HttpContext http, ProxiedResponse upstream)
        {
            WriteHeaders(http, upstream, null);
            return StreamAsync(http, StopAfter, Filler.Length, TimeSpan.FromMilliseconds(1), Sent);
        }
    }

    /// <summary>A chunked body of spaces (valid JSON whitespace), one byte every <paramref name="Interval"/>, for up to ten minutes.</summary>
    public sealed record Trickle(TimeSpan Interval, ByteCount Sent) : Fault
    {
        public override Task ApplyAsync(HttpContext http, ProxiedResponse upstream)
        {
            WriteHeaders(http, upstream, null);
            return StreamAsync(http, (long)(TimeSpan.FromMinutes(10) / Interval), 1, Interval, Sent);
        }
    }
}
