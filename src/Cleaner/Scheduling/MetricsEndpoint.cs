using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OciCleanup.Cleaner.Scheduling;

/// <summary>The daemon's HTTP endpoint: <c>/healthz</c> and <c>/metrics</c> (Prometheus text), meant for loopback.</summary>
internal static class MetricsEndpoint
{
    public static async Task<WebApplication> StartAsync(string listen, DaemonState state, CancellationToken cancellationToken)
    {
        if (!IPEndPoint.TryParse(listen, out var endpoint))
        {
            throw new ArgumentException($"daemon.listen '{listen}' is not host:port", nameof(listen));
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(endpoint));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        app.MapGet("/metrics", () => Results.Text(
            state.LastRun?.ToPrometheusText() ?? RunMetrics.BeforeFirstRun(state.RunsTotal),
            "text/plain; version=0.0.4"));
        await app.StartAsync(cancellationToken);
        return app;
    }
}
