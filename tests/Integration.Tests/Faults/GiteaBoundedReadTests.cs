namespace OciCleanup.Integration.Tests.Faults;

/// <summary>
/// A Gitea package list page that does not end, or comes a byte at a time, fails the registry source
/// with the bound it hit (Refit reads these bodies, not our client: the bound sits under both).
/// </summary>
public sealed class GiteaBoundedReadTests : IAsyncLifetime
{
    private readonly GiteaFaultFleet _fleet = new();
    private readonly ByteCount _sent = new();

    public Task InitializeAsync() => _fleet.StartAsync();

    public async Task DisposeAsync() => await _fleet.DisposeAsync();

    private async Task<string> RunFailingAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var result = await CleanerProcess.RunAsync(environment, "run", "--config", _fleet.Config(), "--delete", "--report", "json");

        result.ExitCode.ShouldBe(1, result.Stderr);
        var report = new ReportJson(result.Stdout);
        var source = report.Source("registry:main");
        source.GetProperty("status").GetString().ShouldBe("failed");
        report.Summary.GetProperty("blocked").GetBoolean().ShouldBeTrue();
        _fleet.Deletes.ShouldBeEmpty();
        return source.GetProperty("error").GetString()!;
    }

    [Fact]
    public async Task Run_ListPageChunkedWithoutEnd_IsCutOffAtTheListLimit()
    {
        _fleet.Proxy.Faults = e => GiteaFaultFleet.IsListPage(e, 1) ? new Fault.EndlessChunked(200L * 1024 * 1024, _sent) : null;

        var error = await RunFailingAsync();

        error.ShouldBe("registry main: list container packages of oleks, page 1: the body is larger than the 32 MiB limit");
        _sent.Value.ShouldBeLessThan(64L * 1024 * 1024);
    }

    [Fact]
    public async Task Run_ListPageAnnouncingAHugeContentLength_IsRefusedUnread()
    {
        _fleet.Proxy.Faults = e => GiteaFaultFleet.IsListPage(e, 1) ? new Fault.OversizedContentLength(200L * 1024 * 1024, _sent) : null;

        var error = await RunFailingAsync();

        error.ShouldBe($"registry main: list container packages of oleks, page 1: the body announces {200L * 1024 * 1024} bytes, over the 32 MiB limit");
        _sent.Value.ShouldBeLessThan(32L * 1024 * 1024);
    }

    [Fact]
    public async Task Run_ListPageTrickledAByteAtATime_FailsWhenItsBodyTimesOut()
    {
        _fleet.Proxy.Faults = e => GiteaFaultFleet.IsListPage(e, 1) ? new Fault.Trickle(TimeSpan.FromMilliseconds(100), _sent) : null;

        var error = await RunFailingAsync(new Dictionary<string, string> { ["OCI_CLEANUP_TEST_BODY_TIMEOUT_SECONDS"] = "5" });

        error.ShouldBe("registry main: list container packages of oleks, page 1: the body was not read within 5 s");
    }
}
