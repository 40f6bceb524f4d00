namespace OciCleanup.Integration.Tests.Gitea;

/// <summary>
/// The next run reads only what it has not seen (issue 24): a version's id, name and creation time are
/// remembered with its digest and media type, an index's body by its digest — and none of it decides a
/// delete alone: the re-check before each delete reads the live digest.
/// </summary>
public sealed class IncrementalInventoryTests : IAsyncLifetime
{
    private const string Token = "gitea-test-token-24";
    private readonly GiteaFleet _fleet = new(Token);
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;
    private StoredManifest _multi = null!;
    private string _config = null!;

    private string KnownVersionsFile => KnownVersions.File(_fleet.Folder);

    public async Task InitializeAsync()
    {
        await _fleet.StartAsync(pins: "container/app==multi\n");
        _fleet.Gitea.Push("oleks", "app", "v1", StoredManifest.Image("v1"), _now.AddDays(-90));
        _fleet.Gitea.Push("oleks", "app", "v2", StoredManifest.Image("v2"), _now.AddDays(-80));
        _fleet.Gitea.PushIndex("oleks", "app", "multi-old", "old", _now.AddDays(-70), "amd64", "arm64");
        _multi = _fleet.Gitea.PushIndex("oleks", "app", "multi", "new", _now.AddDays(-60), "amd64", "arm64");
        _config = _fleet.Config("default: {keepLast: 0, keepWithinDays: 0}", registry: ", concurrency: 2");
    }

    public Task DisposeAsync() => _fleet.DisposeAsync().AsTask();

    private async Task<CleanerProcess.Result> RunAsync(params string[] extra)
    {
        _fleet.Gitea.ClearRequests();
        var result = await CleanerProcess.RunAsync(["run", "--config", _config, "--report", "json", .. extra]);
        result.ExitCode.ShouldBe(0, result.Stderr);
        return result;
    }

    private List<string> ManifestRequests(string method) =>
        [.. _fleet.Gitea.Requests.Where(r => r.Method == method && r.Path.Contains("/manifests/", StringComparison.Ordinal)).Select(r => Uri.UnescapeDataString(r.Path[(r.Path.LastIndexOf('/') + 1)..]))];

    private static string Decisions(CleanerProcess.Result result) =>
        string.Join("\n", new ReportJson(result.Stdout).Decisions.Select(d => d.GetRawText()).Order(StringComparer.Ordinal));

    [Fact]
    public async Task Run_UnchangedFleet_SecondRunReadsNoManifestAndDecidesTheSame()
    {
        var first = await RunAsync();
        ManifestRequests("HEAD").ShouldBe(["v1", "v2", "multi-old", "multi"], ignoreOrder: true);
        ManifestRequests("GET").Count.ShouldBe(2);

        var second = await RunAsync();

        ManifestRequests("HEAD").ShouldBeEmpty();
        ManifestRequests("GET").ShouldBeEmpty();
        _fleet.Gitea.Requests.ShouldNotBeEmpty();
        Decisions(second).ShouldBe(Decisions(first));
        new ReportJson(second.Stdout).ReasonKinds("app", _multi.Children[0])[0].ShouldBe("index-child");
    }

    [Fact]
    public async Task Run_TagsRepushed_OnlyTheyAreReadAgain()
    {
        await RunAsync();
        var v1 = StoredManifest.Image("v1 again");
        _fleet.Gitea.Push("oleks", "app", "v1", v1, _now.AddDays(-1));
        var multi = _fleet.Gitea.PushIndex("oleks", "app", "multi", "newer", _now.AddDays(-1), "amd64", "arm64");

        var second = await RunAsync();

        ManifestRequests("HEAD").ShouldBe(["v1", "multi"], ignoreOrder: true);
        ManifestRequests("GET").ShouldBe([multi.Digest]);
        var report = new ReportJson(second.Stdout);
        report.Decision("app", "v1").GetProperty("digest").GetString().ShouldBe(v1.Digest);
        report.Decision("app", "multi").GetProperty("digest").GetString().ShouldBe(multi.Digest);
        report.ReasonKinds("app", multi.Children[1])[0].ShouldBe("index-child");
    }

    [Fact]
    public async Task Run_KnownVersionsDamaged_ReadAgainWithANoteAndRebuilt()
    {
        await RunAsync();
        var lines = File.ReadAllLines(KnownVersionsFile);
        lines[2] = lines[2].Replace("\t", "\t0", StringComparison.Ordinal);
        File.WriteAllLines(KnownVersionsFile, lines);

        var second = await RunAsync();
        ManifestRequests("HEAD").Count.ShouldBe(4);
        second.Stderr.ShouldContain("every version is read again");

        await RunAsync();
        ManifestRequests("HEAD").ShouldBeEmpty();
    }

    [Fact]
    public async Task Run_StoredIndexBodyCorrupt_FetchedAgainWithANote()
    {
        await RunAsync();
        var body = Path.Combine(_fleet.Folder.Path, "state", "manifests", "sha256", _multi.Digest["sha256:".Length..]);
        File.AppendAllText(body, " ");

        var second = await RunAsync();

        ManifestRequests("GET").ShouldBe([_multi.Digest]);
        second.Stderr.ShouldContain(_multi.Digest);
        new ReportJson(second.Stdout).ReasonKinds("app", _multi.Children[0])[0].ShouldBe("index-child");
    }

    [Fact]
    public async Task Delete_StoredDigestWrong_RecheckReadsTheLiveDigestAndSkips()
    {
        await RunAsync();
        var v1 = _fleet.Gitea.Versions.Single(v => v.Version == "v1");
        var v2 = _fleet.Gitea.Versions.Single(v => v.Version == "v2");
        // A stored answer that is wrong yet well-formed: v1 resolves to v2's digest.
        KnownVersions.Rewrite(KnownVersionsFile, v1.Id, fields => [fields[0], fields[1], v2.Manifest!.Digest, fields[3]]);

        var result = await RunAsync("--delete");

        ManifestRequests("HEAD").ShouldContain("v1");
        var deleted = _fleet.Gitea.Requests.Where(r => r.Method == "DELETE").Select(r => Uri.UnescapeDataString(r.Path)).ToList();
        deleted.ShouldContain("/api/v1/packages/oleks/container/app/v2");
        deleted.ShouldNotContain("/api/v1/packages/oleks/container/app/v1");
        _fleet.Gitea.Versions.ShouldContain(v => v.Version == "v1");
        new ReportJson(result.Stdout).Decision("app", "v1").GetRawText().ShouldContain("changed since planning");
    }
}
