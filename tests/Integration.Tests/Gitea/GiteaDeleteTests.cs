namespace OciCleanup.Integration.Tests.Gitea;

/// <summary>`run --delete` through Gitea's packages API, one version per DELETE, with Gitea's non-cascading semantics.</summary>
public sealed class GiteaDeleteTests : IAsyncLifetime
{
    private readonly GiteaFleet _fleet = new("gitea-delete-token");
    private readonly DateTimeOffset _old = DateTimeOffset.UtcNow.AddDays(-100);
    private StoredManifest _keptIndex = null!;
    private StoredManifest _oldIndex = null!;

    public async Task InitializeAsync()
    {
        await _fleet.StartAsync(pins: "container/app==multi\n");
        for (var i = 1; i <= 4; i++)
        {
            _fleet.Gitea.Push("oleks", "app", $"v{i}", StoredManifest.Image($"v{i}"), _old.AddHours(i));
        }

        _keptIndex = _fleet.Gitea.PushIndex("oleks", "app", "multi", "multi", _old, "amd64", "arm64");
        _oldIndex = _fleet.Gitea.PushIndex("oleks", "app", "multi-old", "multi-old", _old.AddHours(-5), "amd64", "arm64");
    }

    public Task DisposeAsync() => _fleet.DisposeAsync().AsTask();

    private string Config(int maxDeletes = 500) =>
        _fleet.Config(ConfigFile.KeepLast(1, ", untaggedAfterDays: 2"), safety: $"maxDeleteFraction: 1, maxDeletes: {maxDeletes}, stateDir: state");

    private Task<CleanerProcess.Result> DeleteAsync() => CleanerProcess.RunAsync("run", "--config", Config(), "--delete", "--report", "json");

    [Fact]
    public async Task Delete_OneVersionPerRequest_IndexChildrenOfKeptIndexStay()
    {
        var result = await DeleteAsync();

        result.ExitCode.ShouldBe(0, result.Stderr);
        var deletes = _fleet.Gitea.Requests.Where(r => r.Method == "DELETE").Select(r => Uri.UnescapeDataString(r.Path)).ToList();
        var expected = new[] { "v1", "v2", "v3", "multi-old" }.Concat(_oldIndex.Children).Select(v => $"/api/v1/packages/oleks/container/app/{v}");
        deletes.ShouldBe(expected, ignoreOrder: true);
        deletes.ShouldAllBe(p => p.Split('/', StringSplitOptions.RemoveEmptyEntries).Length == 7);
        // Indexes go before their children, tags before untagged manifests.
        deletes.FindIndex(p => p.EndsWith("/multi-old", StringComparison.Ordinal)).ShouldBeLessThan(deletes.FindIndex(p => p.Contains("sha256:", StringComparison.Ordinal)));
        _fleet.Gitea.Versions.Select(v => v.Version).ShouldBe(new[] { "v4", "multi" }.Concat(_keptIndex.Children), ignoreOrder: true);
        var report = new ReportJson(result.Stdout);
        report.ReasonKinds("app", _keptIndex.Children[0])[0].ShouldBe("index-child");
        report.ReasonKinds("app", _oldIndex.Children[0]).ShouldBe(["untagged"]);
        // One line before each attempt and one with its outcome.
        var audit = await File.ReadAllLinesAsync(Path.Combine(_fleet.Folder.Path, "audit.jsonl"));
        audit.Count(l => l.Contains("\"result\":\"attempting\"", StringComparison.Ordinal)).ShouldBe(6);
        audit.Count(l => l.Contains("\"result\":\"deleted\"", StringComparison.Ordinal)).ShouldBe(6);
    }

    [Fact]
    public async Task Delete_TagRepushedBetweenPlanAndDelete_IsSkipped()
    {
        var repushed = StoredManifest.Image("v2 rebuilt");
        _fleet.Gitea.BeforeRequest = request =>
        {
            // The re-read just before deleting v2 finds another manifest: CI pushed v2 again. Same
            // created_at, so only the digest tells (a cached digest would miss it).
            if (request.Method == "GET" && request.Path.Value!.EndsWith("/container/app/v2", StringComparison.Ordinal) && _fleet.Gitea.Versions.Single(v => v.Version == "v2").Manifest != repushed)
            {
                _fleet.Gitea.Push("oleks", "app", "v2", repushed, _old.AddHours(2));
            }
        };

        var result = await DeleteAsync();

        result.ExitCode.ShouldBe(0, result.Stderr);
        var v2 = new ReportJson(result.Stdout).Decision("app", "v2");
        v2.GetProperty("result").GetString().ShouldBe("skipped");
        v2.GetProperty("resultDetail").GetString()!.ShouldContain("changed since planning");
        _fleet.Gitea.Versions.ShouldContain(v => v.Version == "v2" && v.Manifest == repushed);
        _fleet.Gitea.Requests.ShouldNotContain(r => r.Method == "DELETE" && r.Path.EndsWith("/v2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Delete_OneFails_OthersGoOnAndRunExitsOne()
    {
        _fleet.Gitea.BeforeRequest = request =>
        {
            if (request.Method == "DELETE" && request.Path.Value!.EndsWith("/v1", StringComparison.Ordinal))
            {
                request.HttpContext.Abort();
            }
        };

        var result = await DeleteAsync();

        result.ExitCode.ShouldBe(1);
        var report = new ReportJson(result.Stdout);
        report.Decision("app", "v1").GetProperty("result").GetString().ShouldBe("failed");
        report.Decision("app", "v2").GetProperty("result").GetString().ShouldBe("deleted");
        report.Summary.GetProperty("failed").GetInt32().ShouldBe(1);
        report.Summary.GetProperty("deleted").GetInt32().ShouldBe(5);
        _fleet.Gitea.Requests.Count(r => r.Method == "DELETE" && r.Path.EndsWith("/v1", StringComparison.Ordinal)).ShouldBe(1, "a DELETE is never retried blindly");
    }

    [Fact]
    public async Task Delete_KeptIndexBrokenByAnotherActor_ValidationFailsTheRun()
    {
        _fleet.Gitea.BeforeRequest = request =>
        {
            if (request.Method == "DELETE" && request.Path.Value!.EndsWith("/v3", StringComparison.Ordinal))
            {
                _fleet.Gitea.Remove("oleks", "app", _keptIndex.Children[1]);
            }
        };

        var result = await DeleteAsync();

        result.ExitCode.ShouldBe(1);
        var validation = new ReportJson(result.Stdout).Source("validation:kept-indexes");
        validation.GetProperty("status").GetString().ShouldBe("failed");
        validation.GetProperty("error").GetString()!.ShouldContain($"child {_keptIndex.Children[1]} no longer resolves");
    }

    [Fact]
    public async Task Delete_KeptIndexRemovedByAnotherActor_ValidationSaysSo()
    {
        _fleet.Gitea.BeforeRequest = request =>
        {
            if (request.Method == "DELETE" && request.Path.Value!.EndsWith("/v3", StringComparison.Ordinal))
            {
                _fleet.Gitea.Remove("oleks", "app", "multi");
            }
        };

        var result = await DeleteAsync();

        result.ExitCode.ShouldBe(1);
        new ReportJson(result.Stdout).Source("validation:kept-indexes").GetProperty("error").GetString()!.ShouldContain("the kept index itself no longer resolves");
    }

    [Fact]
    public async Task Delete_SafetyLimitTripped_BlocksEveryDelete()
    {
        var result = await CleanerProcess.RunAsync("run", "--config", Config(maxDeletes: 3), "--delete", "--report", "json");

        result.ExitCode.ShouldBe(1);
        var report = new ReportJson(result.Stdout);
        report.Summary.GetProperty("blocked").GetBoolean().ShouldBeTrue();
        report.Summary.GetProperty("blockedReason").GetString()!.ShouldContain("maxDeletes 3");
        _fleet.Gitea.Requests.ShouldNotContain(r => r.Method == "DELETE");
    }
}
