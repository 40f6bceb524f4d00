namespace OciCleanup.Integration.Tests.GitHub;

/// <summary>Issue 20 item 2: index children and signatures follow their subject; each manifest body read once ever.</summary>
public sealed class GitHubManifestTests
{
    [Fact]
    public async Task Delete_KeptMultiArchIndexAndSignature_ChildrenAndSigStayOldIndexGoesWithItsChildren()
    {
        await using var fleet = await GitHubFleet.StartWithAppAsync("read:packages", "delete:packages");
        var oldIndex = fleet.State.PushIndex("viktor", "app", "old", GitHubFleet.Old, ["v1"], "amd64", "arm64");
        var kept = fleet.State.PushIndex("viktor", "app", "new", GitHubFleet.Old.AddHours(1), ["v2"], "amd64", "arm64");
        var signature = fleet.State.PushSignature("viktor", "app", kept.Digest, GitHubFleet.Old.AddHours(1));

        var result = await GitHubFleet.RunAsync(fleet.Config("viktor"), "--delete");

        result.ExitCode.ShouldBe(0, result.Stderr);
        var active = fleet.State.ActiveVersions("viktor", "app").Select(v => v.Digest).ToList();
        active.ShouldContain(kept.Digest);
        active.ShouldContain(signature.Digest);
        active.ShouldNotContain(oldIndex.Digest);
        // The kept index's two children stay; the old index's two went with it.
        active.Count.ShouldBe(4);
        // The PAT itself never goes to ghcr.io as a bearer: only to its /token, as basic auth.
        fleet.Requests("ghcr", "GET").ShouldAllBe(r => r.AuthKind != "classic");
        fleet.Requests("ghcr", "DELETE").ShouldBeEmpty();
    }

    [Fact]
    public async Task DryRun_Twice_EachManifestBodyReadFromGhcrOnlyOnce()
    {
        await using var fleet = await GitHubFleet.StartWithAppAsync("read:packages");
        fleet.State.PushIndex("viktor", "app", "multi", GitHubFleet.Old, ["v1"], "amd64", "arm64");
        fleet.State.PushImage("viktor", "app", "single", GitHubFleet.Old, "v2");
        var config = fleet.Config("viktor");

        var first = await GitHubFleet.RunAsync(config);
        var afterFirst = fleet.State.TotalDownloads;
        var second = await GitHubFleet.RunAsync(config);

        first.ExitCode.ShouldBe(0, first.Stderr);
        second.ExitCode.ShouldBe(0, second.Stderr);
        // The index and the single image; the children are described by the index, not read.
        afterFirst.ShouldBe(2);
        fleet.State.TotalDownloads.ShouldBe(afterFirst);
        new ReportJson(second.Stdout).ReasonKinds("app", fleet.State.ActiveVersions("viktor", "app").First(v => v.Tags.Count == 0).Digest)[0].ShouldBe("index-child");
    }
}
