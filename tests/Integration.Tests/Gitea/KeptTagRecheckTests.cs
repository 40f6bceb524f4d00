using System.Security.Cryptography;

namespace OciCleanup.Integration.Tests.Gitea;

/// <summary>
/// A store entry never decides a delete alone (issue 24), for the kept side too: a wrong yet well-formed
/// inventory-cache entry for a kept multi-arch tag would put its untagged children outside the kept
/// closure, and each child's own re-check passes (its digest is its name). Before a package's first
/// delete every kept tag of it is read live once; a tag that is not what the plan assumed holds them all.
/// </summary>
public sealed class KeptTagRecheckTests : IAsyncLifetime
{
    private readonly GiteaFleet _fleet = new("gitea-test-token-kept");
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;
    private readonly StoredManifest _orphan = StoredManifest.Image("orphan");
    private StoredManifest _multi = null!;
    private string _config = null!;

    private GiteaTestServer Gitea => _fleet.Gitea;

    public async Task InitializeAsync()
    {
        await _fleet.StartAsync(pins: "container/app==multi\ncontainer/app==v9\ncontainer/tool==1.0\n");
        Gitea.Push("oleks", "app", "v1", StoredManifest.Image("v1"), _now.AddDays(-90));
        Gitea.Push("oleks", "app", _orphan.Digest, _orphan, _now.AddDays(-80));
        Gitea.Push("oleks", "app", "v9", StoredManifest.Image("v9"), _now.AddDays(-70));
        _multi = Gitea.PushIndex("oleks", "app", "multi", "multi", _now.AddDays(-60), "amd64", "arm64");
        Gitea.Push("oleks", "tool", "1.0", StoredManifest.Image("tool"), _now.AddDays(-50));
        _config = _fleet.Config("default: {keepLast: 0, keepWithinDays: 0}");
    }

    public async Task DisposeAsync() => await _fleet.DisposeAsync();

    private async Task<CleanerProcess.Result> RunAsync(params string[] extra)
    {
        Gitea.ClearRequests();
        var result = await CleanerProcess.RunAsync(["run", "--config", _config, "--report", "json", .. extra]);
        // Skipped deletes are no failure (README, "Exit codes"): the run exits 0 and says why.
        result.ExitCode.ShouldBe(0, result.Stderr);
        return result;
    }

    private List<string> Requests(string method, string pathPart) =>
        [.. Gitea.Requests.Where(r => r.Method == method && r.Path.Contains(pathPart, StringComparison.Ordinal)).Select(r => Uri.UnescapeDataString(r.Path[(r.Path.LastIndexOf('/') + 1)..]))];

    /// <summary>Rewrites the kept index's entry in the known-versions file and seals it again, as a buggy build would have written it.</summary>
    private void Falsify(Func<string[], string[]> entry, string version = "multi") =>
        KnownVersions.Rewrite(KnownVersions.File(_fleet.Folder), Gitea.Versions.Single(v => v.Version == version).Id, entry);

    [Theory]
    [InlineData("digest")]
    [InlineData("media type")]
    public async Task Delete_StoredEntryOfKeptIndexWrong_ItsChildrenAndThePackagesDeletesAreSkipped(string wrong)
    {
        await RunAsync();
        var other = "sha256:" + Convert.ToHexStringLower(SHA256.HashData("not the index"u8));
        Falsify(fields => [fields[0], fields[1], wrong == "digest" ? other : fields[2], StoredManifest.OciManifest]);

        var result = await RunAsync("--delete");

        var report = new ReportJson(result.Stdout);
        // The plan was fooled: the index's children are planned for delete ...
        report.Action("app", _multi.Children[0]).ShouldBe("delete");
        // ... yet nothing of the package is deleted, and each decision says why.
        Gitea.Requests.Where(r => r.Method == "DELETE").ShouldBeEmpty();
        Gitea.Versions.Select(v => v.Version).ShouldBe(["v1", _orphan.Digest, "v9", .. _multi.Children, "multi", "1.0"], ignoreOrder: true);
        List<string> held = ["v1", _orphan.Digest, .. _multi.Children];
        foreach (var version in held)
        {
            var decision = report.Decision("app", version);
            decision.GetProperty("result").GetString().ShouldBe("skipped");
            decision.GetProperty("resultDetail").GetString()!.ShouldContain("kept tag multi");
            decision.GetProperty("resultDetail").GetString()!.ShouldContain("the package's deletes wait for the next run");
        }

        report.Decision("app", "v1").GetProperty("resultDetail").GetString()!.ShouldContain(wrong == "digest" ? $"now names {_multi.Digest} (the plan assumed {other})" : "is an index");
        var audit = await File.ReadAllLinesAsync(_fleet.AuditPath);
        audit.Count(l => l.Contains("\"result\":\"skipped\"", StringComparison.Ordinal) && l.Contains("kept tag multi", StringComparison.Ordinal)).ShouldBe(4);
    }

    [Fact]
    public async Task Delete_StoredEntryOfKeptIndexWrong_EntryDroppedAndTheNextRunReadsItLiveAndDeletes()
    {
        await RunAsync();
        var id = Gitea.Versions.Single(v => v.Version == "multi").Id;
        Falsify(fields => [fields[0], fields[1], fields[2], StoredManifest.OciManifest]);

        var held = await RunAsync("--delete");

        Gitea.Requests.Where(r => r.Method == "DELETE").ShouldBeEmpty();
        var warning = new ReportJson(held.Stdout).Root.GetProperty("warnings").EnumerateArray().Single(w => w.GetProperty("kind").GetString() == "inventory-cache");
        warning.GetProperty("detail").GetString()!.ShouldContain("oleks/container/app==multi");
        warning.GetProperty("detail").GetString()!.ShouldContain("inventory-cache entry is dropped");
        File.ReadAllLines(KnownVersions.File(_fleet.Folder)).ShouldNotContain(l => l.StartsWith($"{id}\t", StringComparison.Ordinal));

        var healed = await RunAsync("--delete");

        // The inventory reads the kept index live again (a HEAD more than the guard's and the validator's) ...
        Requests("HEAD", "/manifests/").Count(t => t == "multi").ShouldBe(3);
        // ... and deletes what nothing keeps, while the index's real children stay.
        Requests("DELETE", "/api/v1/packages/").ShouldBe(["v1", _orphan.Digest], ignoreOrder: true);
        Gitea.Versions.Select(v => v.Version).ShouldBe(["v9", .. _multi.Children, "multi", "1.0"], ignoreOrder: true);
        new ReportJson(healed.Stdout).Root.GetProperty("warnings").EnumerateArray().ShouldNotContain(w => w.GetProperty("kind").GetString() == "inventory-cache");
    }

    [Fact]
    public async Task Delete_StoredEntryOfUntaggedIndexAPinNamesByDigestWrong_ItsChildrenStay()
    {
        // A multi-arch build pushed without a tag, run by its digest (a pin here; a workload's image@sha256 alike).
        var children = new[] { StoredManifest.Image("bare/amd64"), StoredManifest.Image("bare/arm64") };
        foreach (var child in children)
        {
            Gitea.Push("oleks", "app", child.Digest, child, _now.AddDays(-40));
        }

        var bare = StoredManifest.Index((children[0], "amd64"), (children[1], "arm64"));
        Gitea.Push("oleks", "app", bare.Digest, bare, _now.AddDays(-40));
        _fleet.Folder.Write("pins.txt", $"container/app==multi\ncontainer/app==v9\ncontainer/tool==1.0\ncontainer/app@{bare.Digest}\n");
        await RunAsync();
        Falsify(fields => [fields[0], fields[1], fields[2], StoredManifest.OciManifest], bare.Digest);

        var result = await RunAsync("--delete");

        var report = new ReportJson(result.Stdout);
        // The plan was fooled: the index's children are planned for delete, yet nothing of the package goes.
        report.Action("app", children[0].Digest).ShouldBe("delete");
        Gitea.Requests.Where(r => r.Method == "DELETE").ShouldBeEmpty();
        Gitea.Versions.Select(v => v.Version).ShouldContain(children[0].Digest);
        Gitea.Versions.Select(v => v.Version).ShouldContain(children[1].Digest);
        report.Decision("app", children[0].Digest).GetProperty("resultDetail").GetString()!.ShouldContain($"kept {bare.Digest} ({bare.Digest}) is an index");
    }

    [Fact]
    public async Task Delete_StoreHonest_DeletesAsPlannedWithOneLiveReadPerKeptTagOfThePackage()
    {
        await RunAsync();

        var result = await RunAsync("--delete");

        Requests("DELETE", "/api/v1/packages/").ShouldBe(["v1", _orphan.Digest], ignoreOrder: true);
        Gitea.Versions.Select(v => v.Version).ShouldBe(["v9", .. _multi.Children, "multi", "1.0"], ignoreOrder: true);
        new ReportJson(result.Stdout).Decision("app", _orphan.Digest).GetProperty("result").GetString().ShouldBe("deleted");
        // Known versions need no HEAD. Each is a re-read: of a kept tag of app (v9, multi) before its first
        // delete, none of tool, which has no delete; of each delete; then the kept index and its children,
        // validated after the deletes as before.
        Requests("HEAD", "/manifests/").ShouldBe(["v9", "multi", "v1", _orphan.Digest, "multi", .. _multi.Children], ignoreOrder: true);
        Requests("GET", "/api/v1/packages/oleks/container/").ShouldBe(["v1", _orphan.Digest, "v9", "multi"], ignoreOrder: true);
    }

    [Fact]
    public async Task Delete_KeptIndexRepushedBeforeTheFirstDelete_ThePackagesDeletesAreSkipped()
    {
        await RunAsync();
        var amd64 = Gitea.Versions.Single(v => v.Version == _multi.Children[0]).Manifest!;
        // The live read of the kept tag finds CI's new index, which adopts the orphan the plan would delete.
        var repushed = StoredManifest.Index((amd64, "amd64"), (_orphan, "arm64"));
        Gitea.BeforeRequest = request =>
        {
            if (request.Method == "GET" && request.Path.Value!.EndsWith("/container/app/multi", StringComparison.Ordinal) && Gitea.Versions.Single(v => v.Version == "multi").Manifest != repushed)
            {
                Gitea.Push("oleks", "app", "multi", repushed, _now);
            }
        };

        var result = await RunAsync("--delete");

        Gitea.Requests.Where(r => r.Method == "DELETE").ShouldBeEmpty();
        new ReportJson(result.Stdout).Decision("app", _orphan.Digest).GetProperty("resultDetail").GetString()!.ShouldContain($"kept tag multi now names {repushed.Digest}");
    }

    [Fact]
    public async Task Delete_KeptTagCannotBeRead_ThePackagesDeletesFailUnattempted()
    {
        await RunAsync();
        Gitea.BeforeRequest = request =>
        {
            if (request.Method == "HEAD" && request.Path.Value!.EndsWith("/manifests/multi", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("injected: the kept tag's HEAD answers 500");
            }
        };

        var result = await CleanerProcess.RunAsync("run", "--config", _config, "--report", "json", "--delete");

        result.ExitCode.ShouldBe(1, result.Stderr);
        Gitea.Requests.Where(r => r.Method == "DELETE").ShouldBeEmpty();
        var v1 = new ReportJson(result.Stdout).Decision("app", "v1");
        v1.GetProperty("result").GetString().ShouldBe("failed");
        v1.GetProperty("resultDetail").GetString()!.ShouldContain("kept tag multi could not be read live");
    }
}
