using OciCleanup.Integration.Tests.Support;

namespace OciCleanup.Integration.Tests.Rollback;

/// <summary>
/// SPEC §5b <c>references.rollback.days</c> over nightly delete runs days apart: the process clock starts at
/// <c>OCI_CLEANUP_TEST_NOW</c> (test only), so a version leaves the window when its object stopped naming it
/// longer ago than <c>days</c>, though it is still among the last <c>keep</c> deploys.
/// </summary>
public sealed class RollbackDaysRunTests : IAsyncLifetime
{
    private const string TenDays = "references: {rollback: {keep: 3, days: 10}}";

    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow.AddDays(1);

    private readonly RollbackFleet _fleet = new();

    public Task InitializeAsync() => _fleet.StartAsync();

    public async Task DisposeAsync() => await _fleet.DisposeAsync();

    private async Task<ReportJson> NightAsync(int day)
    {
        var now = new Dictionary<string, string> { ["OCI_CLEANUP_TEST_NOW"] = Start.AddDays(day).ToString("O") };
        var result = await CleanerProcess.RunAsync(now, "run", "--config", _fleet.Config(TenDays), "--delete", "--report", "json");
        result.ExitCode.ShouldBe(0, result.Stderr);
        return new ReportJson(result.Stdout);
    }

    [Fact]
    public async Task Delete_VersionNotNamedForLongerThanDays_LeavesTheWindowAndDiffNamesIt()
    {
        _fleet.DeployApi("d1");
        await NightAsync(0);
        _fleet.DeployApi("d2");
        var second = await NightAsync(5);
        second.ReasonKinds("api", "d1").ShouldBe(["rollback"]);
        _fleet.DeployApi("d3");

        // Day 12: d1 was last named on day 0 (12 days ago), d2 on day 5 (7 days ago); both are within keep 3.
        var third = await NightAsync(12);

        _fleet.Has("api", "d1").ShouldBeFalse("not named for longer than days: out of the window, deleted by retention");
        _fleet.Has("api", "d2").ShouldBeTrue("not named for less than days: still in the window");
        _fleet.Has("api", "d3").ShouldBeTrue("the current image");
        third.ReasonKinds("api", "d2").ShouldBe(["rollback"]);
        third.Decision("api", "d2").GetProperty("reasons")[0].GetProperty("detail").GetString()!
            .ShouldStartWith($"ran as armer kotkan/Deployment/api until {Start.AddDays(5):yyyy-MM-dd}");

        var diff = await CleanerProcess.RunAsync("diff", "--config", _fleet.Config(TenDays));

        diff.ExitCode.ShouldBe(0, diff.Stderr);
        diff.Stdout.ShouldContain("api==d1: left the rollback window (it ran as armer kotkan/Deployment/api until ");
        diff.Stdout.ShouldNotContain("api==d2: left the rollback window");
    }
}
