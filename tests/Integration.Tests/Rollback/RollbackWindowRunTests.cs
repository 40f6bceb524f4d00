namespace OciCleanup.Integration.Tests.Rollback;

/// <summary>
/// SPEC §5b over nightly delete runs: what each object ran before stays in the registry for
/// <c>references.rollback.keep</c> deploys, though the cluster itself remembers none of them.
/// </summary>
public sealed class RollbackWindowRunTests : IAsyncLifetime
{
    private readonly RollbackFleet _fleet = new();

    public Task InitializeAsync() => _fleet.StartAsync();

    public async Task DisposeAsync() => await _fleet.DisposeAsync();

    private static IEnumerable<string> Rollback(ReportJson report) =>
        report.Root.TryGetProperty("rollback", out var lines) ? lines.EnumerateArray().Select(l => l.GetProperty("detail").GetString()!) : [];

    private static IEnumerable<string> Warnings(ReportJson report, string kind) =>
        report.Root.GetProperty("warnings").EnumerateArray().Where(w => w.GetProperty("kind").GetString() == kind).Select(w => w.GetProperty("detail").GetString()!);

    [Fact]
    public async Task Delete_DeployedFiveTimesWithNoReplicaSetHistory_KeepsTheLastThreeDeploysBack()
    {
        ReportJson report = null!;
        for (var build = 1; build <= 5; build++)
        {
            _fleet.DeployApi($"d{build}");
            if (build == 5)
            {
                _fleet.Build("api", "d6");
            }

            (var result, report) = await _fleet.NightAsync();
            result.ExitCode.ShouldBe(0, result.Stderr);
            Warnings(report, "rollback-window-starts").Count().ShouldBe(build == 1 ? 1 : 0, $"night {build}");
        }

        _fleet.Has("api", "d5").ShouldBeTrue("the current image");
        _fleet.Has("api", "d4").ShouldBeTrue();
        _fleet.Has("api", "d3").ShouldBeTrue();
        _fleet.Has("api", "d2").ShouldBeTrue("three deploys back");
        _fleet.Has("api", "d1").ShouldBeFalse("four deploys back is outside the window");
        _fleet.Has("api", "d6").ShouldBeFalse("never deployed");
        _fleet.Has("sidecar", "1.0").ShouldBeTrue();
        report.ReasonKinds("api", "d2").ShouldBe(["rollback"]);
        report.Decision("api", "d4").GetProperty("reasons")[0].GetProperty("detail").GetString()!.ShouldStartWith("ran as armer kotkan/Deployment/api until ");
        report.Decision("api", "d4").GetProperty("reasons")[0].GetProperty("detail").GetString()!.ShouldEndWith(", 1 deploy back");
        report.Decision("api", "d2").GetProperty("reasons")[0].GetProperty("detail").GetString()!.ShouldEndWith(", 3 deploys back");
        Rollback(report).ShouldBe([$"armer kotkan/Deployment/api: 3 rollbacks back; the 4th (d1) was deleted on {DateTimeOffset.UtcNow:yyyy-MM-dd}"]);

        // The operator rolls back three deploys: the image is there to pull.
        _fleet.DeployApi("d2");
        var (afterRollback, rolledBack) = await _fleet.NightAsync();
        afterRollback.ExitCode.ShouldBe(0, afterRollback.Stderr);
        rolledBack.ReasonKinds("api", "d2").ShouldBe(["workload"]);
        _fleet.Has("api", "d5").ShouldBeTrue("now one deploy back");
        _fleet.Has("api", "d4").ShouldBeTrue();
        _fleet.Has("api", "d3").ShouldBeTrue();
    }

    [Fact]
    public async Task Delete_RolloutRestartsFillTheReplicaSetHistory_KeepTheLastThreeDeploysBackToo()
    {
        for (var build = 1; build <= 4; build++)
        {
            _fleet.DeployApi($"d{build}");
            (await _fleet.NightAsync()).Result.ExitCode.ShouldBe(0);
        }

        // Two config changes, each followed by `kubectl rollout restart`: the ReplicaSet history holds only d4.
        _fleet.RestartApi("restart1", "d4");
        _fleet.RestartApi("restart2", "d4");
        var (result, report) = await _fleet.NightAsync();

        result.ExitCode.ShouldBe(0, result.Stderr);
        new[] { "d1", "d2", "d3", "d4" }.ShouldAllBe(tag => _fleet.Has("api", tag));
        report.ReasonKinds("api", "d1").ShouldBe(["rollback"]);
    }

    [Fact]
    public async Task Delete_HelmReleaseWithMaxHistoryOne_KeepsItsLastThreeChartsImages()
    {
        ReportJson report = null!;
        for (var revision = 1; revision <= 5; revision++)
        {
            _fleet.DeployShop(revision, $"d{revision}");
            (var result, report) = await _fleet.NightAsync();
            result.ExitCode.ShouldBe(0, result.Stderr);
        }

        new[] { "d2", "d3", "d4", "d5" }.ShouldAllBe(tag => _fleet.Has("shop", tag));
        _fleet.Has("shop", "d1").ShouldBeFalse();
        report.ReasonKinds("shop", "d3").ShouldBe(["rollback"]);
        Rollback(report).ShouldContain(l => l.StartsWith("armer shop/HelmRelease/shop: 3 rollbacks back", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Delete_BlockedNightAndExplain_DoNotMoveTheRecord()
    {
        _fleet.DeployApi("d1");
        (await _fleet.NightAsync()).Result.ExitCode.ShouldBe(0);
        _fleet.DeployApi("d2");
        (await _fleet.NightAsync()).Result.ExitCode.ShouldBe(0);
        var record = File.ReadAllText(_fleet.StateFile);
        record.ShouldContain("oleks/api:d1");

        // A night whose cluster cannot be listed is blocked: it deletes nothing and records nothing.
        _fleet.DeployApi("d3");
        _fleet.Cluster.Fail("/apis/apps/v1/deployments", 503);
        var deletes = _fleet.Deletes;
        var (blocked, _) = await _fleet.NightAsync();
        blocked.ExitCode.ShouldBe(1);
        _fleet.Deletes.ShouldBe(deletes);
        File.ReadAllText(_fleet.StateFile).ShouldBe(record, "a blocked run never moves the rollback record");
        _fleet.Cluster.Fail("/apis/apps/v1/deployments", 503, times: 0);

        var explain = await CleanerProcess.RunAsync("explain", "container/api==d1", "--config", _fleet.Config());
        explain.ExitCode.ShouldBe(0, explain.Stderr);
        explain.Stdout.ShouldContain("It is a rollback target: the Deployment kotkan/api in cluster armer ran it until");
        await CleanerProcess.RunAsync("config", "check", "--config", _fleet.Config());
        File.ReadAllText(_fleet.StateFile).ShouldBe(record, "explain and config check never move the rollback record");
    }

    [Fact]
    public async Task Delete_LostOrCorruptRecord_WarnsOrFailsClosed()
    {
        _fleet.DeployApi("d1");
        (await _fleet.NightAsync()).Result.ExitCode.ShouldBe(0);
        _fleet.DeployApi("d2");
        _fleet.Build("api", "unreferenced");
        File.WriteAllText(_fleet.StateFile, "{ not json");
        var deletes = _fleet.Deletes;

        var (corrupt, corruptReport) = await _fleet.NightAsync();

        corrupt.ExitCode.ShouldBe(1);
        corruptReport.Source("state:rollback").GetProperty("status").GetString().ShouldBe("failed");
        corruptReport.Summary.GetProperty("blocked").GetBoolean().ShouldBeTrue();
        _fleet.Deletes.ShouldBe(deletes);
        _fleet.Has("api", "unreferenced").ShouldBeTrue("an unreadable record blocks every delete");

        Directory.Delete(Path.Combine(_fleet.Folder.Path, "state"), recursive: true);
        var (lost, lostReport) = await _fleet.NightAsync(mode: "--dry-run");

        lost.ExitCode.ShouldBe(0, lost.Stderr);
        Warnings(lostReport, "rollback-window-starts").ShouldHaveSingleItem().ShouldContain("the rollback window starts with this run");
    }

    [Fact]
    public async Task Delete_ObjectsNeverChangeImage_DecideAsWithoutTheWindow()
    {
        _fleet.DeployApi("d3");
        _fleet.Build("api", "d2");
        for (var night = 1; night <= 3; night++)
        {
            (await _fleet.NightAsync()).Result.ExitCode.ShouldBe(0);
        }

        var (_, withWindow) = await _fleet.NightAsync(mode: "--dry-run");
        var (_, without) = await _fleet.NightAsync("references: {rollback: {keep: 0}}", mode: "--dry-run");

        withWindow.Root.TryGetProperty("rollback", out _).ShouldBeFalse();
        withWindow.Decisions.SelectMany(d => d.GetProperty("reasons").EnumerateArray()).ShouldNotContain(r => r.GetProperty("kind").GetString() == "rollback");
        withWindow.Decisions.Select(d => d.GetProperty("action").GetString()).ShouldBe(without.Decisions.Select(d => d.GetProperty("action").GetString()));
        _fleet.Has("api", "d3").ShouldBeTrue();
        _fleet.Has("api", "d2").ShouldBeFalse("retention works as before");
    }
}
