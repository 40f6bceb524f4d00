namespace OciCleanup.Integration.Tests.Gitea;

/// <summary>
/// Undo on Gitea as its source behaves (read from go-gitea/gitea, see the closing note): deleting a
/// version leaves its blobs in storage, but `/v2` answers 404 for a blob no version of the image holds,
/// and a manifest PUT needs every blob held (BLOB_UNKNOWN otherwise). So `restore` works while another
/// version still holds the blobs, and otherwise says it is too late without pushing anything.
/// </summary>
public sealed class GiteaRestoreTests : IAsyncLifetime
{
    private readonly GiteaFleet _fleet = new("restore-token");
    private static readonly StoredManifest Rebuilt = StoredManifest.Rebuild("build 1", "2026-08-01T00:00:00Z");

    public async Task InitializeAsync()
    {
        await _fleet.StartAsync(pins: "container/app==stable\n");
        var old = DateTimeOffset.UtcNow.AddDays(-100);
        // v1 is an unchanged rebuild of stable's build: the same blobs under another manifest (a tag of
        // stable's own manifest would be kept as same-manifest, SPEC §6).
        _fleet.Gitea.Push("oleks", "app", "v1", Rebuilt, old);
        _fleet.Gitea.Push("oleks", "app", "stable", StoredManifest.Image("build 1"), old);
        _fleet.Gitea.Push("oleks", "app", "v2", StoredManifest.Image("build 2"), old.AddDays(1));
        _fleet.Gitea.Push("oleks", "app", "v9", StoredManifest.Image("build 9"), DateTimeOffset.UtcNow);
    }

    public Task DisposeAsync() => _fleet.DisposeAsync().AsTask();

    private string Config => _fleet.Config(ConfigFile.KeepLast(1));

    [Fact]
    public async Task Restore_BlobsStillHeldByAnotherVersion_PutsTheTagBack_OtherwiseTooLate()
    {
        var deleted = await CleanerProcess.RunAsync("run", "--config", Config, "--delete", "--report", "json");
        deleted.ExitCode.ShouldBe(0, deleted.Stderr);
        _fleet.Gitea.Versions.Select(v => v.Version).ShouldBe(["stable", "v9"], ignoreOrder: true);

        var restored = await CleanerProcess.RunAsync("restore", "container/app==v1", "--config", Config);

        restored.ExitCode.ShouldBe(0, restored.Stdout + restored.Stderr);
        _fleet.Gitea.Versions.ShouldContain(v => v.Version == "v1" && v.Manifest!.Digest == Rebuilt.Digest);

        var late = await CleanerProcess.RunAsync("restore", "container/app==v2", "--config", Config);

        late.ExitCode.ShouldBe(1);
        late.Stdout.ShouldContain("NOT restored main:oleks/container/app==v2");
        late.Stdout.ShouldContain("too late: blob sha256:");
        _fleet.Gitea.Versions.ShouldNotContain(v => v.Version == "v2");
        _fleet.Gitea.Requests.ShouldNotContain(r => r.Method == "PUT" && r.Path.EndsWith("/manifests/v2", StringComparison.Ordinal), "nothing is pushed for a manifest that cannot be whole");
    }
}
