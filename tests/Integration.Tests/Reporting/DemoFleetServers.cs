using OciCleanup.Demo;

namespace OciCleanup.Integration.Tests.Reporting;

/// <summary>The demo: its Gitea and Kubernetes test servers with the seed-003 fleet, and its config.</summary>
public sealed class DemoFleetServers : IAsyncLifetime
{
    private const string Token = "demo-report-token";

    public GiteaTestServer Gitea { get; } = new(Token);

    public KubernetesTestServer Cluster { get; } = new("demo-report-kube");

    internal TempFolder Folder { get; } = new();

    public string Config { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Gitea.StartAsync();
        await Cluster.StartAsync();
        DemoFleet.Populate(Gitea, DateTimeOffset.UtcNow);
        DemoFleet.Populate(Cluster, "Manifests");
        // The demo itself keeps the default limits, so its first dry-run is blocked (README "First run");
        // these tests read the plain report, and BlockedReportTests the blocked one.
        Config = DemoConfig.Write(Folder.Path, Token, Gitea.Url, Cluster.Kubeconfig("armer"), extraSafety: "\n  maxDeleteFraction: 1");
    }

    /// <summary><c>oci-cleanup run --dry-run --report FORMAT</c> on the demo, as a separate process.</summary>
    internal Task<CleanerProcess.Result> RunAsync(string format, params string[] more)
    {
        string[] args = ["run", "--config", Config, "--dry-run", "--report", format, .. more];
        return CleanerProcess.RunAsync(args);
    }

    public async Task DisposeAsync()
    {
        await Gitea.DisposeAsync();
        await Cluster.DisposeAsync();
        Folder.Dispose();
    }
}
