using System.Text;
using System.Text.Json.Nodes;

namespace OciCleanup.Integration.Tests.Gitea;

/// <summary>
/// What `restore` must never do (SPEC §7a): overwrite a tag CI pushed since the delete (unless forced),
/// push bytes that do not hash to the digest the audit line records (not even forced), or give up on
/// every entry because one failed. The kept tag `stable` holds the blobs of `v1` and `v3` under
/// manifests of its own, so on Gitea both can be restored while it stands.
/// </summary>
public sealed class GiteaRestoreSafetyTests : IAsyncLifetime
{
    private readonly GiteaFleet _fleet = new("restore-token");

    public async Task InitializeAsync()
    {
        await _fleet.StartAsync(pins: "container/app==stable\n");
        var old = DateTimeOffset.UtcNow.AddDays(-100);
        _fleet.Gitea.Push("oleks", "app", "stable", SameBlobs("kept"), old);
        _fleet.Gitea.Push("oleks", "app", "v1", StoredManifest.Image("build 1"), old);
        _fleet.Gitea.Push("oleks", "app", "v3", SameBlobs("v3"), old.AddDays(1));
        _fleet.Gitea.Push("oleks", "app", "v9", StoredManifest.Image("build 9"), DateTimeOffset.UtcNow);
    }

    public Task DisposeAsync() => _fleet.DisposeAsync().AsTask();

    /// <summary>Another manifest (another digest) over the blobs of "build 1".</summary>
    private static StoredManifest SameBlobs(string note)
    {
        var json = JsonNode.Parse(StoredManifest.Image("build 1").Bytes)!.AsObject();
        json["annotations"] = new JsonObject { ["note"] = note };
        return new StoredManifest(Encoding.UTF8.GetBytes(json.ToJsonString()), StoredManifest.OciManifest);
    }

    private string Config => _fleet.Config(ConfigFile.KeepLast(1));

    private string? Live(string tag) => _fleet.Gitea.Versions.SingleOrDefault(v => v.Version == tag)?.Manifest?.Digest;

    private int Puts(string tag) => _fleet.Gitea.Requests.Count(r => r.Method == "PUT" && r.Path.EndsWith("/manifests/" + tag, StringComparison.Ordinal));

    private async Task<string> DeleteAsync()
    {
        var deleted = await CleanerProcess.RunAsync("run", "--config", Config, "--delete", "--report", "json");
        deleted.ExitCode.ShouldBe(0, deleted.Stderr);
        _fleet.Gitea.Versions.Select(v => v.Version).ShouldBe(["stable", "v9"], ignoreOrder: true);
        return new ReportJson(deleted.Stdout).Root.GetProperty("runId").GetString()!;
    }

    [Fact]
    public async Task Restore_TagPushedAgainSinceTheDelete_RefusedAndUnchanged_ForcedPutsTheDeletedBuildBack()
    {
        await DeleteAsync();
        var rebuilt = StoredManifest.Image("build 7 by CI");
        _fleet.Gitea.Push("oleks", "app", "v1", rebuilt, DateTimeOffset.UtcNow);

        var refused = await CleanerProcess.RunAsync("restore", "container/app==v1", "--config", Config);

        refused.ExitCode.ShouldBe(1, refused.Stdout + refused.Stderr);
        refused.Stdout.ShouldContain($"NOT restored main:oleks/container/app==v1 ({StoredManifest.Image("build 1").Digest}): refused: v1 now points at {rebuilt.Digest}");
        refused.Stdout.ShouldContain("restore --force");
        Live("v1").ShouldBe(rebuilt.Digest, "a live tag is never overwritten");
        Puts("v1").ShouldBe(0);

        var forced = await CleanerProcess.RunAsync("restore", "container/app==v1", "--force", "--config", Config);

        forced.ExitCode.ShouldBe(0, forced.Stdout + forced.Stderr);
        forced.Stdout.ShouldContain($"restored main:oleks/container/app==v1 ({StoredManifest.Image("build 1").Digest}): replaced {rebuilt.Digest} (--force)");
        Live("v1").ShouldBe(StoredManifest.Image("build 1").Digest);

        var again = await CleanerProcess.RunAsync("restore", "container/app==v1", "--config", Config);

        again.ExitCode.ShouldBe(0, again.Stdout + again.Stderr);
        again.Stdout.ShouldContain("already there main:oleks/container/app==v1");
        Puts("v1").ShouldBe(1, "already there: nothing pushed");
    }

    [Fact]
    public async Task Restore_AuditLineBodyEdited_RefusedEvenWithForce_NothingPushed()
    {
        await DeleteAsync();
        var lines = await File.ReadAllLinesAsync(_fleet.AuditPath);
        var at = Array.FindIndex(lines, l => l.Contains("\"version\":\"v1\"", StringComparison.Ordinal) && l.Contains("\"result\":\"deleted\"", StringComparison.Ordinal));
        var line = JsonNode.Parse(lines[at])!.AsObject();
        line["manifest"] = Convert.ToBase64String(SameBlobs("not what was deleted").Bytes); // its blobs are held: a push would succeed
        lines[at] = line.ToJsonString();
        await File.WriteAllLinesAsync(_fleet.AuditPath, lines);

        foreach (var force in new[] { false, true })
        {
            var refused = await CleanerProcess.RunAsync(["restore", "container/app==v1", "--config", Config, .. force ? new[] { "--force" } : []]);

            refused.ExitCode.ShouldBe(1, refused.Stdout + refused.Stderr);
            refused.Stdout.ShouldContain($"refused: audit line {at + 1}: the kept manifest hashes to {SameBlobs("not what was deleted").Digest}, not to the recorded {StoredManifest.Image("build 1").Digest}");
        }

        Puts("v1").ShouldBe(0);
        Live("v1").ShouldBeNull();
    }

    [Fact]
    public async Task RestoreRun_ServerErrorOnOneEntry_TheOtherIsRestoredAndTheExitCodeIsOne()
    {
        var runId = await DeleteAsync();
        _fleet.Gitea.BeforeRequest = request =>
        {
            // An exception in the server's pipeline is answered 500, on every retry.
            if (request.Method == "PUT" && request.Path.Value!.EndsWith("/manifests/v3", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("injected server error");
            }
        };

        var restore = await CleanerProcess.RunAsync("restore", "--run", runId, "--config", Config);

        restore.ExitCode.ShouldBe(1, restore.Stdout + restore.Stderr);
        restore.Stdout.ShouldContain("restored main:oleks/container/app==v1");
        restore.Stdout.ShouldContain($"NOT restored main:oleks/container/app==v3 ({SameBlobs("v3").Digest}): failed:");
        restore.Stdout.ShouldContain("restore: 1 restored, 1 failed");
        Live("v1").ShouldBe(StoredManifest.Image("build 1").Digest);
        Live("v3").ShouldBeNull();
    }
}
