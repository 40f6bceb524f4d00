namespace OciCleanup.Integration.Tests.Kubernetes;

/// <summary>
/// The seed-003 incident through the per-source breaker (SPEC §3 maxProtectedShrink, §7): cluster
/// <c>lan</c> holds only the suspended cms-plugins HelmReleases; one night its kubeconfig points at
/// an empty cluster that answers 200 with nothing. The busy cluster <c>armer</c> keeps the fleet-wide
/// count well above half — per source, <c>lan</c> went from some to none, and that blocks, run after
/// run, until the operator accepts it.
/// </summary>
public sealed class ShrinkBreakerRunTests : IAsyncLifetime
{
    private readonly ClusterFleet _fleet = new();
    private KubernetesTestServer _lan = null!;
    private readonly KubernetesTestServer _wrongContext = new("wrong-context-token");

    public async Task InitializeAsync()
    {
        await _fleet.StartAsync(withWorkloads: true, withFlux: false);
        _lan = await _fleet.AddClusterAsync("lan", ClusterFleet.Seed003Flux);
        await _wrongContext.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _wrongContext.DisposeAsync();
        await _fleet.DisposeAsync();
    }

    private string Baselines => File.ReadAllText(Path.Combine(_fleet.Folder.Path, "state", "baselines.json"));

    private async Task<(CleanerProcess.Result Result, ReportJson Report)> DeleteAsync(params string[] extra)
    {
        var result = await CleanerProcess.RunAsync(["run", "--config", _fleet.Config(), "--delete", "--report", "json", .. extra]);
        return (result, new ReportJson(result.Stdout));
    }

    private bool Has(string tag) => _fleet.Gitea.Versions.Any(v => v.Name == "cms-plugins" && v.Version == tag);

    [Fact]
    public async Task Delete_ClusterAnswersWithNothingOverSeveralRuns_BlocksEachRunUntilAccepted()
    {
        var first = await DeleteAsync();
        first.Result.ExitCode.ShouldBe(0, first.Result.Stderr);
        first.Report.ReasonKinds("cms-plugins", "staging").ShouldContain("helmrelease-suspended");
        var deletesBefore = _fleet.Gitea.Requests.Count(r => r.Method == "DELETE");
        var baselines = Baselines;
        baselines.ShouldContain("cluster:lan");

        // Next night lan's kubeconfig points at the wrong context: every list answers 200 with nothing.
        _fleet.Folder.Write("kubeconfig-lan", _wrongContext.Kubeconfig("lan"));
        for (var night = 2; night <= 3; night++)
        {
            var (blocked, report) = await DeleteAsync();

            blocked.ExitCode.ShouldBe(1, $"night {night}");
            report.Source("cluster:lan").GetProperty("status").GetString().ShouldBe("ok");
            report.Source("cluster:lan").GetProperty("baseline").GetInt32().ShouldBeGreaterThan(0);
            var reason = report.Summary.GetProperty("blockedReason").GetString()!;
            reason.ShouldContain("cluster:lan names 0 protected targets");
            reason.ShouldContain("--accept-shrink cluster:lan");
            _fleet.Gitea.Requests.Count(r => r.Method == "DELETE").ShouldBe(deletesBefore);
            Has("staging").ShouldBeTrue();
            Has("production").ShouldBeTrue();
            Baselines.ShouldBe(baselines, "a blocked run never moves a baseline");
        }

        (await CleanerProcess.RunAsync("explain", "container/cms-plugins==staging", "--config", _fleet.Config())).ExitCode.ShouldBe(0);
        await CleanerProcess.RunAsync("config", "check", "--config", _fleet.Config());
        Baselines.ShouldBe(baselines, "explain and config check never move a baseline");

        // The operator checks: lan really was decommissioned. Accepting is explicit and recorded.
        var (accepted, acceptedReport) = await DeleteAsync("--accept-shrink", "cluster:lan");

        accepted.ExitCode.ShouldBe(0, accepted.Stderr);
        acceptedReport.Source("cluster:lan").GetProperty("shrinkAccepted").GetBoolean().ShouldBeTrue();
        Has("staging").ShouldBeFalse();
        Baselines.ShouldNotBe(baselines);
        var after = await DeleteAsync();
        after.Result.ExitCode.ShouldBe(0, "the accepted count is the new baseline");
    }

    [Fact]
    public async Task Delete_FluxGroupGoneFromDiscovery_BlocksLikeAShrinkEvenWithEveryTargetStillNamed()
    {
        // An upgrade or an RBAC change that hides a Flux group: the objects of that group would read as "none".
        _lan.Install("kustomize.toolkit.fluxcd.io/v1");
        var first = await DeleteAsync();
        first.Result.ExitCode.ShouldBe(0, first.Result.Stderr);
        Baselines.ShouldContain("kustomize.toolkit.fluxcd.io");
        var deletesBefore = _fleet.Gitea.Requests.Count(r => r.Method == "DELETE");

        _lan.ServeOnly("kustomize.toolkit.fluxcd.io");
        var (blocked, report) = await DeleteAsync();

        blocked.ExitCode.ShouldBe(1);
        report.Source("cluster:lan").GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ShouldContain("kustomize.toolkit.fluxcd.io not installed");
        report.Summary.GetProperty("blockedReason").GetString()!.ShouldContain("no longer serves kustomize.toolkit.fluxcd.io");
        _fleet.Gitea.Requests.Count(r => r.Method == "DELETE").ShouldBe(deletesBefore);

        var (accepted, _) = await DeleteAsync("--accept-shrink", "cluster:lan");
        accepted.ExitCode.ShouldBe(0, accepted.Stderr);
        Baselines.ShouldNotContain("kustomize.toolkit.fluxcd.io");
    }

    [Fact]
    public async Task Run_AcceptShrinkOfAnUnknownSource_IsAUsageError()
    {
        var result = await CleanerProcess.RunAsync("run", "--config", _fleet.Config(), "--accept-shrink", "cluster:lann");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("--accept-shrink cluster:lann: no such source");
        _fleet.Gitea.Requests.ShouldBeEmpty();
    }
}
