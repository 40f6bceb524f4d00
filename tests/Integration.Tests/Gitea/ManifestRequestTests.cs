namespace OciCleanup.Integration.Tests.Gitea;

/// <summary>
/// Which manifest requests a run makes (issue 11): a HEAD per tag, a GET per index, and no HEAD for a
/// child an index already describes — yet every child is still in the inventory with its digest and
/// media type, and protected as the kept index's child.
/// </summary>
public sealed class ManifestRequestTests : IAsyncLifetime
{
    private readonly GiteaFleet _fleet = new("gitea-test-token-11");
    private StoredManifest _old = null!;
    private StoredManifest _new = null!;
    private StoredManifest _orphan = null!;

    public async Task InitializeAsync()
    {
        await _fleet.StartAsync(pins: "container/app==multi\n");
        var now = DateTimeOffset.UtcNow;
        _fleet.Gitea.Push("oleks", "app", "v1", StoredManifest.Image("v1"), now.AddDays(-90));
        _fleet.Gitea.Push("oleks", "app", "v2", StoredManifest.Image("v2"), now.AddDays(-80));
        _old = _fleet.Gitea.PushIndex("oleks", "app", "multi-old", "old", now.AddDays(-70), "amd64", "arm64");
        _new = _fleet.Gitea.PushIndex("oleks", "app", "multi", "new", now.AddDays(-60), "amd64", "arm64");
        _orphan = StoredManifest.Image("pushed by digest, no index");
        _fleet.Gitea.Push("oleks", "app", _orphan.Digest, _orphan, now.AddDays(-50));
    }

    public Task DisposeAsync() => _fleet.DisposeAsync().AsTask();

    [Fact]
    public async Task Run_IndexChildrenListedByDigest_DescribedByTheirIndexWithoutAHead()
    {
        var config = _fleet.Config("default: {keepLast: 0, keepWithinDays: 0}", report: null, registry: ", concurrency: 2");

        var result = await CleanerProcess.RunAsync("run", "--config", config, "--report", "json");

        result.ExitCode.ShouldBe(0, result.Stderr);
        var heads = _fleet.Gitea.Requests.Where(r => r.Method == "HEAD").Select(r => r.Path[(r.Path.LastIndexOf('/') + 1)..]).ToList();
        heads.ShouldBe(["v1", "v2", "multi-old", "multi", _orphan.Digest], ignoreOrder: true);
        _fleet.Gitea.Requests.Count(r => r.Method == "GET" && r.Path.Contains("/manifests/", StringComparison.Ordinal)).ShouldBe(2);
        var report = new ReportJson(result.Stdout);
        report.Decisions.Count().ShouldBe(9);
        report.ReasonKinds("app", _new.Children[0])[0].ShouldBe("index-child");
        report.ReasonKinds("app", _new.Children[1])[0].ShouldBe("index-child");
        report.Decision("app", _new.Children[1]).GetProperty("digest").GetString().ShouldBe(_new.Children[1]);
        report.Action("app", _old.Children[0]).ShouldBe("delete");
        report.Action("app", _orphan.Digest).ShouldBe("delete");
    }
}
