namespace OciCleanup.Integration.Tests.Kubernetes;

/// <summary>One dry-run of the real program against the cluster fleet, shared by the assertions about it.</summary>
public sealed class ClusterScanFixture : IAsyncLifetime
{
    private readonly ClusterFleet _fleet = new();

    internal CleanerProcess.Result Result { get; private set; } = null!;

    internal ReportJson Report { get; private set; } = null!;

    internal ClusterFleet Fleet => _fleet;

    public async Task InitializeAsync()
    {
        await _fleet.StartAsync();
        Result = await CleanerProcess.RunAsync("run", "--config", _fleet.Config(), "--report", "json");
        Report = new ReportJson(Result.Stdout);
    }

    public async Task DisposeAsync() => await _fleet.DisposeAsync();
}
