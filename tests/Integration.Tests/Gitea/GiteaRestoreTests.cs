using OciCleanup.Integration.Tests.Support;
using OciCleanup.TestServers;

namespace OciCleanup.Integration.Tests.Gitea;

/// <summary>
/// Undo on Gitea as its source behaves (read from go-gitea/gitea, see the closing note): deleting a
/// version leaves its blobs in storage, but `/v2` answers 404 for a blob no version of the image holds,
/// and a manifest PUT needs every blob held (BLOB_UNKNOWN otherwise). So `restore` works while another
/// version still holds the blobs, and otherwise says it is too late without pushing anything.
/// </summary>
public sealed class GiteaRestoreTests : IAsyncLifetime
{
    private const string Token = "restore-token";
    private readonly GiteaTestServer _gitea = new(Token);
    private readonly TempFolder _folder = new();
    private static readonly StoredManifest Rebuilt = StoredManifest.Rebuild("build 1", "2026-08-01T00:00:00Z");

    public async Task InitializeAsync()
    {
        await _gitea.StartAsync();
        var old = DateTimeOffset.UtcNow.AddDays(-100);
        // v1 is an unchanged rebuild of stable's build: the same blobs under another manifest (a tag of
        // stable's own manifest would be kept as same-manifest, SPEC §6).
        _gitea.Push("oleks", "app", "v1", Rebuilt, old);
        _gitea.Push("oleks", "app", "stable", StoredManifest.Image("build 1"), old);
        _gitea.Push("oleks", "app", "v2", StoredManifest.Image("build 2"), old.AddDays(1));
        _gitea.Push("oleks", "app", "v9", StoredManifest.Image("build 9"), DateTimeOffset.UtcNow);
        _folder.Write("token", Token);
        _folder.Write("pins.txt", "container/app==stable\n");
    }

    public async Task DisposeAsync()
    {
        await _gitea.DisposeAsync();
        _folder.Dispose();
    }

    private string Config => _folder.Write("config.yaml", $"""
        registries:
          - name: main
            kind: gitea
            url: {_gitea.Url}
            tokenFile: token
            owners: [oleks]
        pins:
          files: [pins.txt]
        retention:
          default:
            keepLast: 1
            keepWithinDays: 0
            minAgeHours: 0
        safety:
          maxDeleteFraction: 1
          stateDir: state
        report:
          auditLog: audit.jsonl
        """);

    [Fact]
    public async Task Restore_BlobsStillHeldByAnotherVersion_PutsTheTagBack_OtherwiseTooLate()
    {
        var deleted = await CleanerProcess.RunAsync("run", "--config", Config, "--delete", "--report", "json");
        deleted.ExitCode.ShouldBe(0, deleted.Stderr);
        _gitea.Versions.Select(v => v.Version).ShouldBe(["stable", "v9"], ignoreOrder: true);

        var restored = await CleanerProcess.RunAsync("restore", "container/app==v1", "--config", Config);

        restored.ExitCode.ShouldBe(0, restored.Stdout + restored.Stderr);
        _gitea.Versions.ShouldContain(v => v.Version == "v1" && v.Manifest!.Digest == Rebuilt.Digest);

        var late = await CleanerProcess.RunAsync("restore", "container/app==v2", "--config", Config);

        late.ExitCode.ShouldBe(1);
        late.Stdout.ShouldContain("NOT restored main:oleks/container/app==v2");
        late.Stdout.ShouldContain("too late: blob sha256:");
        _gitea.Versions.ShouldNotContain(v => v.Version == "v2");
        _gitea.Requests.ShouldNotContain(r => r.Method == "PUT" && r.Path.EndsWith("/manifests/v2", StringComparison.Ordinal), "nothing is pushed for a manifest that cannot be whole");
    }
}
