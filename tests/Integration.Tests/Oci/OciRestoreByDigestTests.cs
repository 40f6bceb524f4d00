namespace OciCleanup.Integration.Tests.Oci;

/// <summary>
/// Undo where one DELETE removes several tags (SPEC §7a): on the real distribution registry,
/// <c>DELETE /v2/NAME/manifests/DIGEST</c> untags every tag of the manifest, so every one of them is
/// audited and reported as deleted, and restoring any of them — or the run — puts them all back.
/// </summary>
public sealed class OciRestoreByDigestTests : IAsyncLifetime
{
    private readonly OciFleet _fleet = new();
    private string _build = "";

    public async Task InitializeAsync()
    {
        await _fleet.StartAsync(pushFleet: false);
        var old = DateTimeOffset.UtcNow.AddDays(-100);
        var build = await _fleet.Push.PushImageAsync("team/app", "1.0.12", "app 1.0.12", old);
        await _fleet.Push.TagAsync("team/app", "stable", build.Manifest);
        await _fleet.Push.PushImageAsync("team/app", "1.0.13", "app 1.0.13", DateTimeOffset.UtcNow);
        _build = build.Digest;
    }

    public Task DisposeAsync() => _fleet.DisposeAsync().AsTask();

    private string Config => _fleet.KeepLastConfig();

    private async Task<string> DeleteBothAsync()
    {
        var report = await ConfigFile.RunReportAsync(Config, "--delete");
        foreach (var tag in new[] { "1.0.12", "stable" })
        {
            report.Decision("team/app", tag).GetProperty("result").GetString().ShouldBe("deleted", tag);
            report.Decision("team/app", tag).GetProperty("resultDetail").GetString().ShouldBe("one DELETE by digest removed 1.0.12, stable");
            (await Skopeo.InspectDigestAsync(_fleet.Registry.HostPort, $"team/app:{tag}")).Digest.ShouldBeNull(tag);
        }

        report.Summary.GetProperty("deleted").GetInt32().ShouldBe(2);
        return report.Root.GetProperty("runId").GetString()!;
    }

    private async Task BothAreBackAsync(CleanerProcess.Result restore)
    {
        restore.ExitCode.ShouldBe(0, restore.Stdout + restore.Stderr);
        foreach (var tag in new[] { "1.0.12", "stable" })
        {
            restore.Stdout.ShouldContain($"restored lan:container/team/app=={tag} ({_build})");
            var (digest, error) = await Skopeo.InspectDigestAsync(_fleet.Registry.HostPort, $"team/app:{tag}");
            digest.ShouldBe(_build, error);
        }
    }

    [Fact]
    public async Task Restore_OneTagOfADeleteByDigest_PutsBackEveryTagItRemoved()
    {
        await DeleteBothAsync();
        var audit = await File.ReadAllLinesAsync(Path.Combine(_fleet.Folder.Path, "audit.jsonl"));
        audit.Count(l => l.Contains("\"result\":\"deleted\"", StringComparison.Ordinal) && l.Contains("\"manifest\":", StringComparison.Ordinal)).ShouldBe(2);

        await BothAreBackAsync(await CleanerProcess.RunAsync("restore", "container/team/app==stable", "--config", Config));
    }

    [Fact]
    public async Task RestoreRun_DeleteByDigest_PutsBackEveryTagItRemoved()
    {
        var runId = await DeleteBothAsync();

        await BothAreBackAsync(await CleanerProcess.RunAsync("restore", "--run", runId, "--config", Config));

        var again = await CleanerProcess.RunAsync("restore", "--run", runId, "--config", Config);
        again.ExitCode.ShouldBe(0, again.Stdout + again.Stderr);
        again.Stdout.ShouldContain($"already there lan:container/team/app==stable ({_build}): nothing pushed");
    }

    [Fact]
    public async Task Restore_NothingMatches_ExitsOneAndSaysSo()
    {
        await DeleteBothAsync();

        var none = await CleanerProcess.RunAsync("restore", "container/team/app==9.9.9", "--config", Config);

        none.ExitCode.ShouldBe(1);
        none.Stderr.ShouldContain("no deleted version matches container/team/app==9.9.9");
    }
}
