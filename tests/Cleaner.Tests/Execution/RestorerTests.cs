using OciCleanup.Cleaner.Execution;

namespace OciCleanup.Cleaner.Tests.Execution;

public class RestorerTests
{
    private readonly MemoryRegistry _registry = new(Some.Oci());

    private static AuditEntry Deleted(string version, RawManifest manifest) =>
        new(Some.Now, new VersionRef("lan", null, "container", "team/app", version, manifest.Digest.ToString()), "deleted")
        {
            RunId = "r1",
            MediaType = manifest.MediaType,
            Manifest = Convert.ToBase64String(manifest.Bytes),
        };

    private async Task<string[]> RestoreAsync(bool force, params AuditEntry[] entries) =>
        [.. (await new Restorer(new Dictionary<string, IRegistry> { ["lan"] = _registry }, force).RestoreAsync(entries, CancellationToken.None))
            .Select(o => $"{o.Entry.Version}: {o.Outcome.Kind}")];

    [Fact]
    public async Task Restore_ServerErrorOnOneEntry_TheOthersStillGoAndEachHasItsOutcome()
    {
        var old = _registry.Push("gone", "b1");
        var live = _registry.Push("0.1.1", "b2");
        var ci = _registry.Push("0.1.2", "b3");
        _registry.Push("0.1.2", "rebuilt by CI");
        await _registry.DeleteAsync(new PackageVersion("lan", null, "container", "team/app", "gone", old.Digest, Some.Now), CancellationToken.None);
        _registry.FailingPuts.Add("1.0.0");

        var outcomes = await RestoreAsync(force: false, Deleted("1.0.0", old), Deleted("0.1.1", live), Deleted("0.1.2", ci), Deleted("gone", old), Deleted("edited", old) with { Manifest = Convert.ToBase64String(live.Bytes) });

        outcomes.ShouldBe(["1.0.0: failed", "0.1.1: already-present", "0.1.2: refused", "gone: restored", "edited: refused"]);
        _registry.Puts.ShouldBe(["gone"]);
    }

    [Fact]
    public async Task Restore_ForcedOverATagPushedSince_PutsTheDeletedManifestBackButNeverEditedBytes()
    {
        var deleted = _registry.Push("0.1.2", "b3");
        var pushedSince = _registry.Push("0.1.2", "rebuilt by CI");

        var outcomes = await RestoreAsync(force: true, Deleted("0.1.2", deleted), Deleted("0.1.2", deleted) with { Manifest = Convert.ToBase64String(pushedSince.Bytes) });

        outcomes.ShouldBe(["0.1.2: restored", "0.1.2: refused"]);
        _registry["0.1.2"].ShouldBe(deleted.Digest);
    }
}
