namespace OciCleanup.Integration.Tests.GitHub;

/// <summary>Issue 20 item 4: secondary limits waited out; below the hour's reserve the rest is deferred, exit 0.</summary>
public sealed class GitHubRateLimitTests
{
    [Fact]
    public async Task Delete_HourlyBudgetBelowReserve_NoDeleteStartsRestDeferredExit0()
    {
        await using var fleet = await GitHubFleet.StartWithAppAsync("read:packages", "delete:packages");
        for (var i = 0; i < 4; i++)
        {
            fleet.State.PushImage("viktor", "app", $"v{i}", GitHubFleet.Old.AddHours(i), $"v{i}");
        }

        // Far below the reserve of 500 requests left in the hour: the inventory fits, deletes wait.
        fleet.Server.Options.HourlyBudget = 100;

        var result = await GitHubFleet.RunAsync(fleet.Config("viktor"), "--delete");

        result.ExitCode.ShouldBe(0, result.Stderr);
        fleet.Requests("api", "DELETE").ShouldBeEmpty();
        var report = new ReportJson(result.Stdout);
        report.Root.GetProperty("warnings").EnumerateArray().ShouldContain(w => w.GetProperty("kind").GetString() == "deferred");
        report.Decision("app", "v0").GetProperty("resultDetail").GetString()!.ShouldStartWith("deferred: GitHub's hourly request budget is down to");
    }

    [Fact]
    public async Task DryRun_SecondaryLimitWithRetryAfter_WaitedOutAndListComplete()
    {
        await using var fleet = await GitHubFleet.StartWithAppAsync("read:packages");
        fleet.State.PushImage("viktor", "app", "v1", GitHubFleet.Old, "v1");
        fleet.Server.Options.FailNext(2, status: 429, retryAfterSeconds: 1);

        var result = await GitHubFleet.RunAsync(fleet.Config("viktor"));

        result.ExitCode.ShouldBe(0, result.Stderr);
        new ReportJson(result.Stdout).Decisions.ShouldHaveSingleItem();
        fleet.Requests("api", "GET").Count(r => r.Path == "/user").ShouldBe(3);
    }
}
