using OciCleanup.TestServers.GitHub;

namespace OciCleanup.Integration.Tests.GitHub;

/// <summary>Issue 20 item 5: what the token can do is read from GitHub and said before any delete.</summary>
public sealed class GitHubTokenTests
{
    [Fact]
    public async Task ConfigCheck_ReadOnlyClassicToken_SaysItReadsButCannotDeleteOrRestore()
    {
        await using var fleet = await GitHubFleet.StartWithAppAsync("read:packages");
        fleet.State.PushImage("viktor", "app", "v1", GitHubFleet.Old, "v1");

        var result = await CleanerProcess.RunAsync("config", "check", "--config", fleet.Config("viktor"));

        result.ExitCode.ShouldBe(0, result.Stdout + result.Stderr);
        result.Stdout.ShouldContain("registry:gh: token: a classic token with scopes [read:packages]: can read packages; cannot delete versions (needs delete:packages and read:packages), restore versions (needs write:packages)");
    }

    [Fact]
    public async Task ConfigCheck_FineGrainedToken_SaysItCannotDelete()
    {
        await using var fleet = await GitHubFleet.StartAsync(GitHubToken.FineGrained("pat", "viktor"));
        fleet.State.AddPackage("viktor", "app");

        var result = await CleanerProcess.RunAsync("config", "check", "--config", fleet.Config("viktor"));

        result.Stdout.ShouldContain("registry:gh: token: a token without X-OAuth-Scopes (a fine-grained PAT, a GitHub App or GITHUB_TOKEN)");
        result.Stdout.ShouldContain("cannot delete versions (only a classic PAT with delete:packages can)");
    }

    [Fact]
    public async Task DeleteRun_TokenWithoutDeleteScope_BlocksWithTheReasonAndSendsNoDelete()
    {
        await using var fleet = await GitHubFleet.StartWithAppAsync("read:packages");
        fleet.State.PushImage("viktor", "app", "v1", GitHubFleet.Old, "v1");
        fleet.State.PushImage("viktor", "app", "v2", GitHubFleet.Old.AddHours(1), "v2");

        var result = await GitHubFleet.RunAsync(fleet.Config("viktor"), "--delete");

        result.ExitCode.ShouldBe(1, result.Stderr);
        new ReportJson(result.Stdout).Summary.GetProperty("blockedReason").GetString()!.ShouldContain("the GitHub token cannot delete package versions");
        fleet.Requests("api", "DELETE").ShouldBeEmpty();
    }
    [Fact]
    public async Task ConfigCheck_ActionsToken_SaysItCannotListAndDeletesOnlyWithAdminOnThePackage()
    {
        await using var fleet = await GitHubFleet.StartAsync(GitHubToken.Actions("gha", "viktor"));
        fleet.Server.State.AddPackage("viktor", "app");

        var result = await CleanerProcess.RunAsync("config", "check", "--config", fleet.Config("viktor"));

        result.Stdout.ShouldContain("registry:gh: token: an installation token (GITHUB_TOKEN or a GitHub App)");
        result.Stdout.ShouldContain("cannot list packages (names must be given), delete versions (unless its repository has the Admin role on the package)");
    }

    [Fact]
    public async Task DeleteRun_ActionsToken_BlocksWithTheReasonBeforeAnyListOrDelete()
    {
        await using var fleet = await GitHubFleet.StartAsync(GitHubToken.Actions("gha", "viktor", "viktor/app"));
        fleet.Server.State.AddPackage("viktor", "app");
        fleet.Server.State.PushImage("viktor", "app", "v1", GitHubFleet.Old, "v1");
        fleet.Server.State.PushImage("viktor", "app", "v2", GitHubFleet.Old.AddHours(1), "v2");

        var result = await GitHubFleet.RunAsync(fleet.Config("viktor"), "--delete");

        result.ExitCode.ShouldNotBe(0, result.Stderr);
        var blocked = new ReportJson(result.Stdout).Summary.GetProperty("blockedReason").GetString()!;
        blocked.ShouldContain("cannot list packages");
        blocked.ShouldContain("unless its repository has the Admin role on that package");
        fleet.Requests("api", "DELETE").ShouldBeEmpty();
        fleet.Requests("api", "GET").ShouldNotContain(r => r.Path.EndsWith("/packages", StringComparison.Ordinal));
        fleet.Server.State.ActiveVersions("viktor", "app").Count.ShouldBe(2);
    }
}
