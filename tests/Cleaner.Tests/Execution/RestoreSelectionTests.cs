using OciCleanup.Cleaner.Execution;

namespace OciCleanup.Cleaner.Tests.Execution;

public class RestoreSelectionTests
{
    private static int _line;

    private static AuditEntry Line(string version, string build, string run, string result = "deleted", string registry = "lan", string? detail = null, int minute = 0) =>
        new(Some.Now.AddMinutes(minute), new VersionRef(registry, null, "container", "team/app", version, Some.Digest(build).ToString()), result)
        {
            RunId = run,
            MediaType = result == "deleted" ? "application/vnd.oci.image.manifest.v1+json" : null,
            Manifest = result == "deleted" ? Convert.ToBase64String("{}"u8.ToArray()) : null,
            Detail = detail,
            Line = Interlocked.Increment(ref _line),
        };

    private static string[] Selected(AuditEntry[] trail, Func<AuditEntry, bool> wanted) =>
        [.. RestoreSelection.Select(trail, wanted, registry => registry == "lan").Select(e => $"{e.Version}@{e.RunId}")];

    private static Func<AuditEntry, bool> Version(string version) => e => e.Version == version;

    [Fact]
    public void Select_OneTagOfAByDigestDelete_BringsEveryTagThatDeleteRemoved()
    {
        AuditEntry[] trail = [Line("1.0.12", "b12", "r1"), Line("stable", "b12", "r1"), Line("1.0.11", "b11", "r1"), Line("edge", "b12", "r0")];

        Selected(trail, Version("stable")).ShouldBe(["1.0.12@r1", "stable@r1"]);
        Selected(trail, Version("1.0.12")).ShouldBe(["1.0.12@r1", "stable@r1"]);
    }

    [Fact]
    public void Select_Run_BringsEveryTagTheRunDeleted()
    {
        AuditEntry[] trail = [Line("1.0.12", "b12", "r1"), Line("stable", "b12", "r1"), Line("1.0.11", "b11", "r1"), Line("edge", "b12", "r0")];

        Selected(trail, e => e.RunId == "r1").ShouldBe(["1.0.12@r1", "stable@r1", "1.0.11@r1"]);
    }

    [Fact]
    public void Select_RegistryDeletesOneVersion_SameManifestElsewhereStaysOut()
    {
        AuditEntry[] trail = [Line("v1", "b1", "r1", registry: "main"), Line("v1-alias", "b1", "r1", registry: "main")];

        Selected(trail, Version("v1")).ShouldBe(["v1@r1"]);
    }

    [Fact]
    public void Select_VersionDeletedTwice_TheLatestDeleteAndItsSiblingsCount()
    {
        AuditEntry[] trail = [Line("stable", "b1", "r1", minute: 0), Line("stable", "b2", "r2", minute: 9), Line("2.0.0", "b2", "r2", minute: 9), Line("1.0.0", "b1", "r1", minute: 0)];

        Selected(trail, Version("stable")).ShouldBe(["stable@r2", "2.0.0@r2", "1.0.0@r1"]);
    }

    [Fact]
    public void Select_OlderLogWhereASiblingWasAuditedAlreadyGone_RestoresItWithTheSiblingsManifest()
    {
        AuditEntry[] trail =
        [
            Line("1.0.12", "b12", "r1", result: "attempting"),
            Line("1.0.12", "b12", "r1"),
            Line("stable", "b12", "r1", result: "attempting"),
            Line("stable", "b12", "r1", result: "skipped", detail: "already gone"),
            Line("old", "b1", "r1", result: "attempting"),
            Line("old", "b1", "r1", result: "skipped", detail: "already gone"),
            Line("edge", "b12", "r1", result: "skipped", detail: "already gone"),
        ];

        var selected = RestoreSelection.Select(trail, Version("stable"), registry => registry == "lan");

        selected.Select(e => e.Version).ShouldBe(["1.0.12", "stable"]);
        selected[1].Manifest.ShouldBe(trail[1].Manifest);
        Selected(trail, Version("old")).ShouldBeEmpty("gone before any delete of its manifest: nothing to restore");
        Selected(trail, Version("edge")).ShouldBeEmpty("not attempted after the DELETE: not shown to be removed by it");
    }

    [Fact]
    public void Select_NothingMatches_IsEmpty()
    {
        Selected([Line("1.0.12", "b12", "r1")], Version("nope")).ShouldBeEmpty();
    }
}
