namespace OciCleanup.Cleaner.Tests.Planning;

public class BrokenIndexesTests
{
    private static readonly Reason Pinned = new(ReasonKind.Pin, new PinsLineOrigin("pins.txt", 1));

    private static Decision Keep(PackageVersion v) => new(v, DecisionAction.Keep, [Pinned]);

    private static Decision Delete(PackageVersion v) => new(v, DecisionAction.Delete, [new Reason("retention", new RetentionOrigin("keepLast 1"))]);

    private static PackageVersion Child(string arch) => Some.Version(Some.Digest(arch).ToString(), 3);

    [Fact]
    public void Unheld_KeptIndexWhoseChildNoVersionHolds_NamesIndexTagsAndMissingChild()
    {
        var amd64 = Child("amd64");
        var index = Some.Version("1.0", 3, digestSeed: "index") with { Children = [amd64.Digest!.Value, Some.Digest("arm64")] };
        var latest = index with { Version = "latest" };

        var candidate = BrokenIndexes.Unheld(new([Keep(index), Keep(latest), Keep(amd64)])).ShouldHaveSingleItem();

        candidate.Versions.ShouldBe(["1.0", "latest"]);
        candidate.Unheld.ShouldBe([Some.Digest("arm64")]);
        BrokenIndexes.Warning(candidate, candidate.Unheld).Detail.ShouldBe(
            $"main:oleks/container/cms-plugins: the kept index 1.0, latest ({Some.Digest("index")}) lists 1 child manifest(s) the registry does not hold ({Some.Digest("arm64")}) — a pull of that platform fails: push the image again");
    }

    [Fact]
    public void Unheld_ChildHeldByAVersionPlannedForDeletionOrByATag_NotBroken()
    {
        var amd64 = Child("amd64");
        var arm64 = Some.Version("1.0-arm64", 3, digestSeed: "arm64 manifest");
        var index = Some.Version("1.0", 3, digestSeed: "index") with { Children = [amd64.Digest!.Value, arm64.Digest!.Value] };

        BrokenIndexes.Unheld(new([Keep(index), Delete(amd64), Keep(arm64)])).ShouldBeEmpty();
    }

    [Fact]
    public void Unheld_IndexPlannedForDeletion_NotChecked()
    {
        var index = Some.Version("0.9", 30, digestSeed: "old index") with { Children = [Some.Digest("gone")] };

        BrokenIndexes.Unheld(new([Delete(index)])).ShouldBeEmpty();
    }
}
