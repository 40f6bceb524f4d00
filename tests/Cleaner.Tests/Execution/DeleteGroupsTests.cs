using OciCleanup.Cleaner.Execution;

namespace OciCleanup.Cleaner.Tests.Execution;

public class DeleteGroupsTests
{
    private static Decision Delete(string version, string build, string registry = "lan", string name = "team/app") =>
        new(Some.Version(version, 90, name: name, digestSeed: build, registry: registry), DecisionAction.Delete, [new Reason(Reason.Retention, new RetentionOrigin("old"))]);

    private static string[] Groups(Func<string, bool> deletesByDigest, params Decision[] ordered) =>
        [.. DeleteGroups.Of(ordered, deletesByDigest).Select(g => string.Join("+", g.Select(v => $"{v.Name}:{v.Version}")))];

    [Fact]
    public void Of_RegistryDeletesByDigest_TagsOfOneManifestInOnePackageAreOneGroupAtTheFirstOnesPlace()
    {
        var groups = Groups(_ => true, Delete("1.0.12", "b12"), Delete("1.0.11", "b11"), Delete("stable", "b12"), Delete("x", "b12", name: "team/other"));

        groups.ShouldBe(["team/app:1.0.12+team/app:stable", "team/app:1.0.11", "team/other:x"]);
    }

    [Fact]
    public void Of_RegistryDeletesOneVersion_EachDeleteIsAGroupOfItsOwn()
    {
        var groups = Groups(r => r == "lan", Delete("1.0.12", "b12", registry: "main"), Delete("stable", "b12", registry: "main"));

        groups.ShouldBe(["team/app:1.0.12", "team/app:stable"]);
    }

    public static TheoryData<string, string?, int, bool, string?> Rechecks => new()
    {
        { "as planned", "b1", 0, true, null },
        { "gone", null, 0, true, "already gone" },
        { "re-pushed with another manifest", "b2", 0, false, "changed since planning" },
        { "re-pushed, same manifest, Gitea", "b1", 1, true, "changed since planning" },
        { "same manifest, a registry that dates the manifest", "b1", 1, false, null },
    };

    [Theory]
    [MemberData(nameof(Rechecks))]
    public void Recheck_CurrentVersion_DecidesWhetherTheDeleteGoesAhead(string because, string? currentBuild, int daysLater, bool checkCreated, string? expected)
    {
        var planned = Some.Version("1.0.12", 90, digestSeed: "b1");
        var current = currentBuild is null ? null : planned with { Digest = Some.Digest(currentBuild), CreatedAt = planned.CreatedAt.AddDays(daysLater) };

        var outcome = DeleteGroups.Recheck(planned, current, checkCreated);

        if (expected is null)
        {
            outcome.ShouldBeNull(because);
        }
        else
        {
            outcome.ShouldNotBeNull(because).Detail!.ShouldStartWith(expected, Case.Sensitive, because);
        }
    }

    [Fact]
    public void Deleted_OneDeleteRemovedTwoTags_EachOutcomeIsDeletedAndNamesBoth()
    {
        PackageVersion[] removed = [Some.Version("1.0.12", 90, digestSeed: "b1"), Some.Version("stable", 90, digestSeed: "b1")];

        var outcome = DeleteGroups.Deleted(removed);

        outcome.Result.ShouldBe("deleted");
        outcome.Detail.ShouldBe("one DELETE by digest removed 1.0.12, stable");
        DeleteGroups.Deleted(removed[..1]).Detail.ShouldBeNull("one tag: nothing to add");
    }
}
