using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OciCleanup.Bench;

/// <summary>
/// A Gitea packages API and /v2 manifest endpoint for a synthetic fleet, indexed so that every
/// request is O(1) (the test servers scan their whole store per request: fine for tests, the
/// bottleneck at 100k versions). Latency is injected with <c>await Task.Delay</c>: it holds no thread.
/// </summary>
internal sealed class FleetServer(TimeSpan latency) : IAsyncDisposable
{
    private const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    private const string OciIndex = "application/vnd.oci.image.index.v1+json";
    private readonly Dictionary<string, List<(long Id, string Package, string Version, DateTimeOffset Created)>> _owners = new(StringComparer.Ordinal);
    private long _nextId;
    private readonly Dictionary<(string Repository, string Reference), (string Digest, string MediaType, byte[] Body)> _manifests = [];
    private WebApplication? _app;

    private long _servedLatencyTicks;
    private long _delayed;

    private long _firstRequest;
    private long _lastResponse;

    public ConcurrentDictionary<string, int> Requests { get; } = new();

    /// <summary>When the first request arrived and the last response was done (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public (long First, long Last) Span => (Interlocked.Read(ref _firstRequest), Interlocked.Read(ref _lastResponse));

    /// <summary>Forgets the latencies served so far (calibrate measures one client after another).</summary>
    public void ResetServedLatency()
    {
        Interlocked.Exchange(ref _servedLatencyTicks, 0);
        Interlocked.Exchange(ref _delayed, 0);
    }

    /// <summary>Forgets when the first request came and the last response went (a second run is measured on its own).</summary>
    public void ResetSpan()
    {
        Interlocked.Exchange(ref _firstRequest, 0);
        Interlocked.Exchange(ref _lastResponse, 0);
    }

    /// <summary>The latency actually injected, on average (the nominal one plus the timer's lateness).</summary>
    public TimeSpan ServedLatency => _delayed == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(Interlocked.Read(ref _servedLatencyTicks) / Interlocked.Read(ref _delayed));

    public Uri Url { get; private set; } = null!;

    public void AddImage(string owner, string package, string reference, DateTimeOffset created) =>
        Add(owner, package, reference, created, Store(owner, package, reference, OciManifest, JsonSerializer.SerializeToUtf8Bytes(new
        {
            schemaVersion = 2,
            mediaType = OciManifest,
            config = new { mediaType = "application/vnd.oci.image.config.v1+json", digest = "sha256:" + new string('0', 64), size = 2 },
            layers = Array.Empty<object>(),
            annotations = new { seed = $"{owner}/{package}/{reference}" },
        })));

    /// <summary>Children pushed by digest (listed as <c>sha256:…</c> versions), then the index under its tag.</summary>
    public void AddIndex(string owner, string package, string tag, DateTimeOffset created, int children)
    {
        var descriptors = new List<object>();
        for (var c = 0; c < children; c++)
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(new { schemaVersion = 2, mediaType = OciManifest, layers = Array.Empty<object>(), annotations = new { seed = $"{owner}/{package}/{tag}/{c}" } });
            var digest = Store(owner, package, null, OciManifest, body);
            Add(owner, package, digest, created, digest);
            descriptors.Add(new { mediaType = OciManifest, digest, size = body.Length, platform = new { os = "linux", architecture = $"arch{c}" } });
        }

        Add(owner, package, tag, created, Store(owner, package, tag, OciIndex, JsonSerializer.SerializeToUtf8Bytes(new { schemaVersion = 2, mediaType = OciIndex, manifests = descriptors })));
    }

    private string Store(string owner, string package, string? tag, string mediaType, byte[] body)
    {
        var digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(body));
        var repository = $"{owner}/{package}";
        _manifests[(repository, digest)] = (digest, mediaType, body);
        if (tag is not null)
        {
            _manifests[(repository, tag)] = (digest, mediaType, body);
        }

        return digest;
    }

    private void Add(string owner, string package, string version, DateTimeOffset created, string _)
    {
        if (!_owners.TryGetValue(owner, out var list))
        {
            _owners[owner] = list = [];
        }

        // A version's id is its own for life, as in Gitea (re-pushing a tag makes a new version).
        list.Add((++_nextId, package, version, created));
    }

    /// <summary>The digest a tag or digest of a repository resolves to (what a Pod's imageID names).</summary>
    public string DigestOf(string repository, string reference) => _manifests[(repository, reference)].Digest;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            Interlocked.CompareExchange(ref _firstRequest, Stopwatch.GetTimestamp(), 0);
            if (latency > TimeSpan.Zero)
            {
                // Timers fire late (on this machine Task.Delay(20 ms) takes ~21 ms): what was served is measured.
                var delayed = Stopwatch.GetTimestamp();
                await Task.Delay(latency, context.RequestAborted);
                Interlocked.Add(ref _servedLatencyTicks, Stopwatch.GetElapsedTime(delayed).Ticks);
                Interlocked.Increment(ref _delayed);
            }

            await next(context);
            Interlocked.Exchange(ref _lastResponse, Stopwatch.GetTimestamp());
        });
        _app.MapGet("/api/v1/packages/{owner}", (HttpContext http, string owner, int? page, int? limit) => ListPage(http, owner, page ?? 1, Math.Clamp(limit ?? 30, 1, 50)));
        _app.MapMethods("/v2/{**path}", ["GET", "HEAD"], (HttpContext http, string path) => Manifest(http, path));
        _app.MapGet("/v2/", () => Results.Ok());
        await _app.StartAsync();
        Url = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
    }

    private IResult ListPage(HttpContext http, string owner, int page, int limit)
    {
        Requests.AddOrUpdate("list page", 1, (_, n) => n + 1);
        var all = _owners.GetValueOrDefault(owner) ?? [];
        http.Response.Headers["X-Total-Count"] = all.Count.ToString(CultureInfo.InvariantCulture);
        if (page * limit < all.Count)
        {
            http.Response.Headers.Link = $"<{http.Request.Scheme}://{http.Request.Host}{http.Request.Path}?limit={limit}&page={page + 1}>; rel=\"next\"";
        }

        return Results.Json(all.Skip((page - 1) * limit).Take(limit).Select(v => new
        {
            id = v.Id,
            owner = new { login = owner },
            type = "container",
            name = v.Package,
            version = v.Version,
            created_at = v.Created,
        }));
    }

    private IResult Manifest(HttpContext http, string path)
    {
        var at = path.IndexOf("/manifests/", StringComparison.Ordinal);
        if (at < 0 || !_manifests.TryGetValue((path[..at], path[(at + "/manifests/".Length)..]), out var manifest))
        {
            Requests.AddOrUpdate("other", 1, (_, n) => n + 1);
            return Results.NotFound();
        }

        var head = HttpMethods.IsHead(http.Request.Method);
        Requests.AddOrUpdate(head ? "manifest HEAD" : "index GET", 1, (_, n) => n + 1);
        http.Response.Headers["Docker-Content-Digest"] = manifest.Digest;
        if (!head)
        {
            return Results.Bytes(manifest.Body, manifest.MediaType);
        }

        http.Response.ContentType = manifest.MediaType;
        http.Response.ContentLength = manifest.Body.Length;
        return Results.Empty;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
