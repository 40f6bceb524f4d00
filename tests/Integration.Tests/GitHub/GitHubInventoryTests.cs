using OciCleanup.TestServers.GitHub;

namespace OciCleanup.Integration.Tests.GitHub;

/// <summary>Issue 20 item 1: inventory through GitHub's packages REST API, over real HTTP.</summary>
public sealed class GitHubInventoryTests
{
    [Fact]
    public async Task DryRun_UserOrgAndOwnAccount_EachListedWhereGitHubSaysAndEveryPageRead()
    {
        await using var fleet = await GitHubFleet.StartAsync(GitHubToken.Classic("pat", "viktor", "read:packages"));
        fleet.State.AddOrganization("acme", "viktor");
        fleet.State.AddUser("other");
        fleet.State.AddPackage("viktor", "infra/web");
        for (var i = 0; i < 150; i++)
        {
            fleet.State.PushImage("viktor", "infra/web", $"b{i}", GitHubFleet.Old.AddMinutes(i), $"sha-{i:x4}");
        }

        fleet.State.AddPackage("acme", "api", isPublic: true);
        fleet.State.PushImage("acme", "api", "a1", GitHubFleet.Old, "v1", "latest");
        fleet.State.AddPackage("other", "tool", isPublic: true);
        fleet.State.PushImage("other", "tool", "t1", GitHubFleet.Old, "v1");

        var result = await GitHubFleet.RunAsync(fleet.Config("viktor, acme, other"));

        result.ExitCode.ShouldBe(0, result.Stderr);
        var report = new ReportJson(result.Stdout);
        report.Decisions.Count(d => d.GetProperty("package").GetString() == "infra/web").ShouldBe(150);
        // One manifest with two tags: two versions sharing one digest.
        var api = report.Decisions.Where(d => d.GetProperty("package").GetString() == "api").ToList();
        api.Select(d => d.GetProperty("version").GetString()).ShouldBe(["latest", "v1"], ignoreOrder: true);
        api.Select(d => d.GetProperty("digest").GetString()).Distinct().ShouldHaveSingleItem();
        var paths = fleet.Requests("api", "GET").Select(r => r.Path).ToList();
        paths.ShouldContain("/user/packages");          // the token's own account: private packages too
        paths.ShouldContain("/orgs/acme/packages");
        paths.ShouldContain("/users/other/packages");
        paths.ShouldContain("/user/packages/container/infra%2Fweb/versions");
        fleet.Requests("api", "GET").Count(r => r.Path == "/user/packages/container/infra%2Fweb/versions").ShouldBe(2);
        fleet.Server.Log.Where(r => r.Server == "api").ShouldAllBe(r => r.AuthKind == "classic");
    }

    [Fact]
    public async Task DryRun_PackageGlobs_OnlyIncludedNotExcludedListed()
    {
        await using var fleet = await GitHubFleet.StartAsync(GitHubToken.Classic("pat", "viktor", "read:packages"));
        foreach (var name in new[] { "app", "app-old", "tool" })
        {
            fleet.State.AddPackage("viktor", name);
            fleet.State.PushImage("viktor", name, name, GitHubFleet.Old, "v1");
        }

        var result = await GitHubFleet.RunAsync(fleet.Config("viktor", "    packages: {include: ['app*'], exclude: ['*-old']}"));

        result.ExitCode.ShouldBe(0, result.Stderr);
        new ReportJson(result.Stdout).Decisions.Select(d => d.GetProperty("package").GetString()).Distinct().ShouldBe(["app"]);
        fleet.Requests("api", "GET").Where(r => r.Path.EndsWith("/versions", StringComparison.Ordinal)).ShouldHaveSingleItem().Path.ShouldBe("/user/packages/container/app/versions");
    }
}
