namespace OciCleanup.Integration.Tests.Kubernetes;

/// <summary>
/// A Kubernetes list that never completes — its page trickled as whitespace a byte at a time, or pages
/// whose continue token never runs out — fails the cluster source within the list's timeout (the test
/// shortens it to 10 s: long enough for the sound lists of a freshly started process on a busy machine), naming the resource; the run blocks and deletes nothing.
/// </summary>
public sealed class ClusterListTimeoutTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> ShortListTimeout = new() { ["OCI_CLEANUP_TEST_LIST_TIMEOUT_SECONDS"] = "10" };
    private readonly ClusterFleet _fleet = new();
    private readonly ByteCount _sent = new();

    public Task InitializeAsync() => _fleet.StartAsync();

    public async Task DisposeAsync() => await _fleet.DisposeAsync();

    private async Task<string> RunFailingAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var result = await CleanerProcess.RunAsync(environment ?? ShortListTimeout, "run", "--config", _fleet.Config(), "--delete", "--report", "json");

        result.ExitCode.ShouldBe(1, result.Stderr);
        var report = new ReportJson(result.Stdout);
        var source = report.Source("cluster:armer");
        source.GetProperty("status").GetString().ShouldBe("failed");
        report.Summary.GetProperty("blockedReason").GetString()!.ShouldContain("cluster:armer");
        result.Stderr.ShouldContain("Cluster armer failed: list pods");
        _fleet.Gitea.Requests.ShouldNotContain(r => r.Method == "DELETE");
        return source.GetProperty("error").GetString()!;
    }

    [Fact]
    public async Task Run_PodListTrickledAsWhitespace_FailsTheClusterWithinTheListTimeout()
    {
        _fleet.Cluster.Serve("/api/v1/pods", new Fault.Trickle(TimeSpan.FromMilliseconds(100), _sent));

        var error = await RunFailingAsync();

        error.ShouldBe("list pods: not complete within 10 s (all pages together)");
    }

    [Fact]
    public async Task Run_PodListTrickledAsWhitespace_FailsWhenItsBodyTimesOutThoughTheClientReadsItSynchronously()
    {
        _fleet.Cluster.Serve("/api/v1/pods", new Fault.Trickle(TimeSpan.FromMilliseconds(100), _sent));

        var error = await RunFailingAsync(new Dictionary<string, string> { ["OCI_CLEANUP_TEST_BODY_TIMEOUT_SECONDS"] = "10" });

        error.ShouldBe("list pods: the body was not read within 10 s");
    }

    [Fact]
    public async Task Run_PodListWhoseContinueTokenNeverRunsOut_FailsTheClusterWithinTheListTimeout()
    {
        var page = """{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"1000","continue":"again"},"items":[]}"""u8.ToArray();
        _fleet.Cluster.Serve("/api/v1/pods", new Fault.Replace(new ProxiedResponse(200, new Dictionary<string, string> { ["Content-Type"] = "application/json" }, page)));

        var error = await RunFailingAsync();

        error.ShouldBe("list pods: not complete within 10 s (all pages together)");
        _fleet.Cluster.Requests.Count(r => r.Path == "/api/v1/pods").ShouldBeGreaterThan(1);
    }
}
