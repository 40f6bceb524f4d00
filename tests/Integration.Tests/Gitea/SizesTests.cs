namespace OciCleanup.Integration.Tests.Gitea;

/// <summary>
/// `report.sizes: true`: reclaimableBytes from Gitea's `/files` (which counts no download), one request
/// per distinct manifest, dedup-aware: a blob a kept version also holds is not reclaimable. Off by
/// default: without it no `/files` request is made and the report has no bytes.
/// </summary>
public sealed class SizesTests : IAsyncLifetime
{
    private readonly GiteaFleet _fleet = new("sizes-token");

    public async Task InitializeAsync()
    {
        await _fleet.StartAsync();
        var old = DateTimeOffset.UtcNow.AddDays(-100);
        for (var i = 1; i <= 4; i++)
        {
            _fleet.Gitea.Push("oleks", "app", $"v{i}", StoredManifest.Image($"build {i}"), old.AddDays(i));
        }

        // An alias of v1's manifest: one manifest, so one /files request.
        _fleet.Gitea.Push("oleks", "app", "v1-alias", StoredManifest.Image("build 1"), old);
    }

    public Task DisposeAsync() => _fleet.DisposeAsync().AsTask();

    private string Config(bool sizes) => _fleet.Config(ConfigFile.KeepLast(1), report: $"sizes: {(sizes ? "true" : "false")}", pins: null);

    [Fact]
    public async Task DryRun_SizesOn_ReclaimableBytesFromFilesOneRequestPerManifest()
    {
        var result = await CleanerProcess.RunAsync("run", "--config", Config(sizes: true), "--report", "json");

        result.ExitCode.ShouldBe(0, result.Stderr);
        var report = new ReportJson(result.Stdout);
        var planned = report.Decisions.Count(d => d.GetProperty("action").GetString() == "delete");
        planned.ShouldBe(4, "v1, v1-alias, v2, v3; keepLast 1 keeps v4");
        _fleet.Gitea.Requests.Count(r => r.Path.EndsWith("/files", StringComparison.Ordinal)).ShouldBe(4, "one per distinct manifest (v1 and v1-alias share one)");
        // Three distinct images deleted: each a manifest plus config (100) and layer (1000).
        var manifests = new[] { "build 1", "build 2", "build 3" }.Sum(b => StoredManifest.Image(b).Bytes.Length);
        report.Summary.GetProperty("reclaimableBytes").GetInt64().ShouldBe(manifests + (3 * 1100));
    }

    [Fact]
    public async Task DryRun_SizesOff_NoFilesRequestAndNoBytes()
    {
        var result = await CleanerProcess.RunAsync("run", "--config", Config(sizes: false), "--report", "json");

        result.ExitCode.ShouldBe(0, result.Stderr);
        _fleet.Gitea.Requests.ShouldNotContain(r => r.Path.EndsWith("/files", StringComparison.Ordinal));
        new ReportJson(result.Stdout).Summary.TryGetProperty("reclaimableBytes", out _).ShouldBeFalse();
    }
}
