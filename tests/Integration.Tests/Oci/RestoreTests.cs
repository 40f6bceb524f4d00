using System.Net;

namespace OciCleanup.Integration.Tests.Oci;

/// <summary>
/// Undo on the real distribution registry (SPEC §7a): the audit trail keeps each deleted manifest;
/// `restore` puts it back by tag while the blobs are still stored — every platform pulls again — and
/// after `docker-registry garbage-collect` says it is too late and changes nothing.
/// </summary>
public sealed class RestoreTests : IAsyncLifetime
{
    private readonly OciFleet _fleet = new();

    public async Task InitializeAsync()
    {
        await _fleet.StartAsync(pushFleet: false);
        var old = DateTimeOffset.UtcNow.AddDays(-100);
        await _fleet.Push.PushImageAsync("team/app", "v1", "app v1", old);
        await _fleet.Push.PushImageAsync("team/app", "v2", "app v2", old.AddDays(1));
        await _fleet.Push.PushIndexAsync("team/app", "multi", "multi", old.AddDays(2), "amd64", "arm64");
        await _fleet.Push.PushImageAsync("team/app", "v9", "app v9", DateTimeOffset.UtcNow);
    }

    public Task DisposeAsync() => _fleet.DisposeAsync().AsTask();

    private string Config => _fleet.KeepLastConfig();

    [Fact]
    public async Task Restore_WhileBlobsAreStored_PutsBackEveryPlatform_AfterGarbageCollectSaysTooLate()
    {
        var runId = (await ConfigFile.RunReportAsync(Config, "--delete")).Root.GetProperty("runId").GetString()!;
        (await _fleet.Registry.ManifestStatusAsync("team/app", "multi")).ShouldBe(HttpStatusCode.NotFound);

        var one = await CleanerProcess.RunAsync("restore", "container/team/app==v1", "--config", Config);
        one.ExitCode.ShouldBe(0, one.Stdout + one.Stderr);
        one.Stdout.ShouldContain("restored lan:container/team/app==v1");
        (await Skopeo.PullAllAsync(_fleet.Registry.HostPort, "team/app:v1")).ExitCode.ShouldBe(0);

        var all = await CleanerProcess.RunAsync("restore", "--run", runId, "--config", Config);
        all.ExitCode.ShouldBe(0, all.Stdout + all.Stderr);
        all.Stdout.ShouldContain("restored lan:container/team/app==multi");
        var (exit, error) = await Skopeo.PullAllAsync(_fleet.Registry.HostPort, "team/app:multi");
        exit.ShouldBe(0, error);

        // Delete again, then collect garbage: the blobs are gone for good.
        (await CleanerProcess.RunAsync("run", "--config", Config, "--delete", "--report", "json")).ExitCode.ShouldBe(0);
        await _fleet.Registry.GarbageCollectAsync();

        var late = await CleanerProcess.RunAsync("restore", "container/team/app==v2", "--config", Config);

        late.ExitCode.ShouldBe(1);
        late.Stdout.ShouldContain("NOT restored lan:container/team/app==v2");
        late.Stdout.ShouldContain("too late: blob sha256:");
        (await _fleet.Registry.ManifestStatusAsync("team/app", "v2")).ShouldBe(HttpStatusCode.NotFound, "nothing was pushed");
    }
}
