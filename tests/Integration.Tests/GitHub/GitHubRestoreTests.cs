using OciCleanup.TestServers.GitHub;

namespace OciCleanup.Integration.Tests.GitHub;

/// <summary>Issue 20 item 6: restore through GitHub's own restore of the version, within its 30 days.</summary>
public sealed class GitHubRestoreTests
{
    [Fact]
    public async Task Restore_Run_VersionBackWithEveryTagThroughPostRestore()
    {
        await using var fleet = await GitHubFleet.StartWithAppAsync("read:packages", "delete:packages", "write:packages");
        var old = fleet.State.PushImage("viktor", "app", "v1", GitHubFleet.Old, "v1", "sha-1");
        fleet.State.PushImage("viktor", "app", "v2", GitHubFleet.Old.AddHours(1), "v2");
        var config = fleet.Config("viktor");
        var deleted = await GitHubFleet.RunAsync(config, "--delete");
        deleted.ExitCode.ShouldBe(0, deleted.Stderr);
        var audit = await File.ReadAllTextAsync(Path.Combine(fleet.Folder.Path, "audit.jsonl"));
        audit.ShouldContain($"\"versionId\":{old.Id}");

        var restored = await CleanerProcess.RunAsync("restore", "viktor:container/app==v1", "--config", config);

        restored.ExitCode.ShouldBe(0, restored.Stdout + restored.Stderr);
        fleet.Requests("api", "POST").Select(r => r.Path).ShouldBe([$"/user/packages/container/app/versions/{old.Id}/restore"]);
        fleet.State.ActiveVersions("viktor", "app").Single(v => v.Id == old.Id).Tags.ShouldBe(["sha-1", "v1"], ignoreOrder: true);
        fleet.Requests("ghcr", "PUT").ShouldBeEmpty();
    }

    [Fact]
    public async Task Restore_After30Days_TooLateAndNothingChanged()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var fleet = await GitHubFleet.StartAsync(GitHubToken.Classic("pat", "viktor", "read:packages", "delete:packages", "write:packages"), clock);
        fleet.State.AddPackage("viktor", "app");
        var old = fleet.State.PushImage("viktor", "app", "v1", GitHubFleet.Old, "v1");
        fleet.State.PushImage("viktor", "app", "v2", GitHubFleet.Old.AddHours(1), "v2");
        var config = fleet.Config("viktor");
        (await GitHubFleet.RunAsync(config, "--delete")).ExitCode.ShouldBe(0);
        clock.Advance(TimeSpan.FromDays(31));

        var restored = await CleanerProcess.RunAsync("restore", "viktor:container/app==v1", "--config", config);

        restored.ExitCode.ShouldBe(1, restored.Stdout + restored.Stderr);
        restored.Stdout.ShouldContain("too late");
        fleet.State.ActiveVersions("viktor", "app").ShouldNotContain(v => v.Id == old.Id);
    }
}
