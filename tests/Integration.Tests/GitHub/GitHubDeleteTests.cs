using OciCleanup.TestServers.GitHub;

namespace OciCleanup.Integration.Tests.GitHub;

/// <summary>Issue 20 items 3 and 7: deletes only by DELETE …/versions/{id}, re-read first; GitHub's refusal is a per-version failure.</summary>
public sealed class GitHubDeleteTests
{
    [Fact]
    public async Task Delete_OldVersions_ReadAgainThenDeletedByIdNeverThroughV2()
    {
        await using var fleet = await GitHubFleet.StartWithAppAsync("read:packages", "delete:packages");
        var old = fleet.State.PushImage("viktor", "app", "v1", GitHubFleet.Old, "v1", "sha-1");
        fleet.State.PushImage("viktor", "app", "v2", GitHubFleet.Old.AddHours(1), "v2");

        var result = await GitHubFleet.RunAsync(fleet.Config("viktor"), "--delete");

        result.ExitCode.ShouldBe(0, result.Stderr);
        fleet.Requests("api", "DELETE").Select(r => r.Path).ShouldBe([$"/user/packages/container/app/versions/{old.Id}"]);
        fleet.Requests("ghcr", "DELETE").ShouldBeEmpty();
        fleet.Requests("api", "GET").ShouldContain(r => r.Path == $"/user/packages/container/app/versions/{old.Id}");
        fleet.State.ActiveVersions("viktor", "app").SelectMany(v => v.Tags).ShouldBe(["v2"]);
        var report = new ReportJson(result.Stdout);
        report.Summary.GetProperty("deleted").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Delete_OneTagOfAVersionKept_VersionNotDeleted()
    {
        await using var fleet = await GitHubFleet.StartWithAppAsync("read:packages", "delete:packages");
        fleet.State.PushImage("viktor", "app", "v1", GitHubFleet.Old, "v1", "stable");
        fleet.State.PushImage("viktor", "app", "v2", GitHubFleet.Old.AddHours(1), "v2");
        fleet.Folder.Write("pins.txt", "viktor:container/app==stable\n");

        var result = await GitHubFleet.RunAsync(fleet.Config("viktor"), "--delete");

        result.ExitCode.ShouldBe(0, result.Stderr);
        fleet.Requests("api", "DELETE").ShouldBeEmpty();
        fleet.State.ActiveVersions("viktor", "app").Count.ShouldBe(2);
    }

    [Fact]
    public async Task Delete_PublicVersionPast5000Downloads_FailsThatVersionWithGitHubsWordsOthersDeleted()
    {
        await using var fleet = await GitHubFleet.StartAsync(GitHubToken.Classic("pat", "viktor", "read:packages", "delete:packages"));
        fleet.State.AddPackage("viktor", "app", isPublic: true);
        var popular = fleet.State.PushImage("viktor", "app", "v1", GitHubFleet.Old, "v1");
        fleet.State.PushImage("viktor", "app", "v2", GitHubFleet.Old.AddHours(1), "v2");
        var newest = fleet.State.PushImage("viktor", "app", "v3", GitHubFleet.Old.AddHours(2), "v3");
        popular.SetDownloads(6000);

        var result = await GitHubFleet.RunAsync(fleet.Config("viktor"), "--delete");

        result.ExitCode.ShouldBe(1, result.Stderr);
        var report = new ReportJson(result.Stdout);
        var failed = report.Decision("app", "v1");
        failed.GetProperty("result").GetString().ShouldBe("failed");
        failed.GetProperty("resultDetail").GetString()!.ShouldContain("5000 downloads");
        report.Decision("app", "v2").GetProperty("result").GetString().ShouldBe("deleted");
        fleet.State.ActiveVersions("viktor", "app").Select(v => v.Id).ShouldBe([popular.Id, newest.Id], ignoreOrder: true);
    }
}
