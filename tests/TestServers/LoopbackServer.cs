using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OciCleanup.TestServers;

/// <summary>Kestrel on 127.0.0.1 and a free port, recording every request it serves.</summary>
public abstract class LoopbackServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private WebApplication? _app;

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public void ClearRequests() => _requests.Clear();

    /// <summary>Runs before a request is handled, e.g. to change state between a client's read and its write.</summary>
    public Action<HttpRequest>? BeforeRequest { get; set; }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        Listen(builder);
        builder.Logging.ClearProviders();
        builder.Services.AddRouting();
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            _requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "", context.Request.Headers.Authorization.FirstOrDefault()));
            BeforeRequest?.Invoke(context.Request);
            await next(context);
        });
        Map(_app);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Url = new Uri(address.TrimEnd('/') + "/");
    }

    protected abstract void Map(WebApplication app);

    /// <summary>Where the server listens: plain http on 127.0.0.1 and a free port, unless a server says otherwise.</summary>
    protected virtual void Listen(WebApplicationBuilder builder) => builder.WebHost.UseUrls("http://127.0.0.1:0");

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected static string Decode(object? routeValue) => Uri.UnescapeDataString(routeValue?.ToString() ?? "");
}
