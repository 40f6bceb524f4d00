using OciCleanup.Integration.Tests.Oci;

namespace OciCleanup.Integration.Tests.Faults;

/// <summary>
/// The real distribution registry behind a <see cref="FaultProxy"/> that answers one manifest, the
/// catalog or a tags list with a body no registry sends: a huge <c>Content-Length</c>, a chunked body
/// that does not end, a body trickled a byte at a time, ten thousand times the tags of a repository.
/// The registry source fails with the bound it hit, naming what it read, and the proxy's byte count
/// shows the body was not read to its end (the process did not hold it).
/// </summary>
public sealed class OciBoundedReadTests : IAsyncLifetime
{
    private const long HugeBody = 200L * 1024 * 1024;
    private readonly OciFleet _fleet = new();
    private readonly ByteCount _sent = new();
    private string? _target;

    public Task InitializeAsync() => _fleet.StartAsync(behindProxy: true);

    public Task DisposeAsync() => _fleet.DisposeAsync().AsTask();

    /// <summary>The fault on the first manifest of team/app read with GET, and on that one only.</summary>
    private void OnOneManifest(Fault fault) => _fleet.Proxy.Faults = e =>
        e.Method == "GET" && e.Path.StartsWith("/v2/team/app/manifests/", StringComparison.Ordinal)
        && (Interlocked.CompareExchange(ref _target, e.Path, null) ?? e.Path) == e.Path
            ? fault
            : null;

    private async Task<string> RunFailingAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var result = await CleanerProcess.RunAsync(environment, "run", "--config", _fleet.Config(_fleet.Proxy.Url), "--delete", "--report", "json");

        result.ExitCode.ShouldBe(1, result.Stderr);
        var report = new ReportJson(result.Stdout);
        var source = report.Source("registry:lan");
        source.GetProperty("status").GetString().ShouldBe("failed");
        report.Summary.GetProperty("blocked").GetBoolean().ShouldBeTrue();
        _fleet.Proxy.Requests.ShouldNotContain(r => r.Method == "DELETE");
        return source.GetProperty("error").GetString()!;
    }

    /// <summary>Runs with the fault on one manifest: the error names that manifest; why its body could not be read.</summary>
    private async Task<string> ManifestBodyErrorAsync(Fault fault, IReadOnlyDictionary<string, string>? environment = null)
    {
        OnOneManifest(fault);
        var error = await RunFailingAsync(environment);
        var read = $"registry lan: GET manifest team/app:{_target!["/v2/team/app/manifests/".Length..]}: the body could not be read: ";
        error.ShouldStartWith(read);
        return error[read.Length..];
    }

    [Fact]
    public async Task Run_ManifestAnnouncingAHugeContentLength_FailsNamingManifestAndLimitUnread()
    {
        (await ManifestBodyErrorAsync(new Fault.OversizedContentLength(HugeBody, _sent))).ShouldBe($"the body announces {HugeBody} bytes, over the 4 MiB limit");
        _sent.Value.ShouldBeLessThan(32L * 1024 * 1024);
    }

    [Fact]
    public async Task Run_ManifestChunkedWithoutEnd_IsCutOffAtTheManifestLimit()
    {
        (await ManifestBodyErrorAsync(new Fault.EndlessChunked(HugeBody, _sent))).ShouldBe("the body is larger than the 4 MiB limit");
        _sent.Value.ShouldBeLessThan(32L * 1024 * 1024);
    }

    [Fact]
    public async Task Run_ManifestTrickledAByteAtATime_FailsWhenItsBodyTimesOut()
    {
        var environment = new Dictionary<string, string> { ["OCI_CLEANUP_TEST_BODY_TIMEOUT_SECONDS"] = "5" };

        (await ManifestBodyErrorAsync(new Fault.Trickle(TimeSpan.FromMilliseconds(100), _sent), environment)).ShouldBe("the body was not read within 5 s");
    }

    [Fact]
    public async Task Run_CatalogChunkedWithoutEnd_IsCutOffAtTheListLimit()
    {
        _fleet.Proxy.Faults = e => e.Path == "/v2/_catalog" ? new Fault.EndlessChunked(HugeBody, _sent) : null;

        var error = await RunFailingAsync();

        error.ShouldBe("registry lan: GET v2/_catalog?n=1000: the body could not be read: the body is larger than the 32 MiB limit");
        _sent.Value.ShouldBeLessThan(64L * 1024 * 1024);
    }

    [Fact]
    public async Task Run_TagsListOverTheCap_FailsTheRegistryWithoutAHeadPerTag()
    {
        var tags = string.Join(",", Enumerable.Range(0, 100_001).Select(i => $"\"t{i}\""));
        _fleet.Proxy.Faults = e => e.Path == "/v2/team/app/tags/list" ? new Fault.Replace(e.Response.WithText($"{{\"name\":\"team/app\",\"tags\":[{tags}]}}")) : null;

        var error = await RunFailingAsync();

        error.ShouldBe("registry lan: repository team/app lists more than 100000 tags (the most one repository may have here)");
        _fleet.Proxy.Requests.ShouldNotContain(r => r.Path.StartsWith("/v2/team/app/manifests/", StringComparison.Ordinal));
    }
}
