using OciCleanup.Cleaner.Execution;
using OciCleanup.Cleaner.Inventory;
using OciCleanup.Cleaner.Planning;
using OciCleanup.Cleaner.Tests.Support;
using OciCleanup.Pins;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Tests.Execution;

public class KeptTagCheckTests
{
    private static readonly PackageVersion Kept = Some.Version("1.4", 10, digestSeed: "index") with { MediaType = ManifestMediaTypes.OciIndex, Children = [Some.Digest("amd64"), Some.Digest("arm64")] };

    private static readonly HashSet<Digest> NoneRemoved = [];

    public static TheoryData<string, string?, string?, string?> Reads => new()
    {
        { "as planned", "index", ManifestMediaTypes.OciIndex, null },
        { "as planned, the Docker name of an index", "index", ManifestMediaTypes.DockerList, null },
        { "gone", null, null, "kept tag 1.4 is gone since planning" },
        { "another digest", "other", ManifestMediaTypes.OciIndex, $"kept tag 1.4 now names {Some.Digest("other")} (the plan assumed {Some.Digest("index")})" },
        { "no digest any more (GitHub: the tag moved)", "", ManifestMediaTypes.OciIndex, "kept tag 1.4 now names another manifest" },
        { "an image where the plan saw an index", "index", ManifestMediaTypes.OciManifest, "is not an index (the plan assumed an index" },
    };

    [Theory]
    [MemberData(nameof(Reads))]
    public void Doubt_LiveRead_SaysWhetherThePackagesDeletesWait(string because, string? liveSeed, string? liveType, string? expected)
    {
        var live = liveSeed is null ? null : Kept with { Digest = liveSeed.Length == 0 ? null : Some.Digest(liveSeed), MediaType = liveType };

        var doubt = KeptTagCheck.Doubt(Kept, live, NoneRemoved);

        if (expected is null)
        {
            doubt.ShouldBeNull(because);
        }
        else
        {
            doubt.ShouldNotBeNull(because);
            doubt.ShouldContain(expected);
            doubt.ShouldEndWith("the package's deletes wait for the next run");
        }
    }

    [Theory]
    [InlineData("as planned", "index", ManifestMediaTypes.OciIndex, false)]
    [InlineData("gone: nothing to contradict", null, null, false)]
    [InlineData("another digest", "other", ManifestMediaTypes.OciIndex, true)]
    [InlineData("an image where the plan saw an index", "index", ManifestMediaTypes.OciManifest, true)]
    public void Contradicts_LiveRead_TrueOnlyForAnotherDigestOrKind(string because, string? liveSeed, string? liveType, bool expected)
    {
        var live = liveSeed is null ? null : Kept with { Digest = Some.Digest(liveSeed), MediaType = liveType };

        KeptTagCheck.Contradicts(Kept, live).ShouldBe(expected, because);
    }

    [Fact]
    public void Contradicts_IndexAsPlannedListingAPlannedDelete_FalseThoughItHoldsThePackage()
    {
        KeptTagCheck.Doubt(Kept, Kept, new HashSet<Digest> { Some.Digest("amd64") }).ShouldNotBeNull();

        KeptTagCheck.Contradicts(Kept, Kept).ShouldBeFalse();
    }

    [Fact]
    public void Doubt_IndexWhereThePlanSawAnImage_NamesBoth()
    {
        var planned = Kept with { MediaType = ManifestMediaTypes.OciManifest };

        var doubt = KeptTagCheck.Doubt(planned, Kept, NoneRemoved);

        doubt.ShouldBe($"kept tag 1.4 ({Some.Digest("index")}) is an index (the plan assumed an image manifest of type {ManifestMediaTypes.OciManifest}); the package's deletes wait for the next run");
    }

    [Fact]
    public void Doubt_IndexAsPlannedListsAManifestThePackagesDeletesRemove_NamesIt()
    {
        var doubt = KeptTagCheck.Doubt(Kept, Kept, new HashSet<Digest> { Some.Digest("orphan"), Some.Digest("arm64") });

        doubt.ShouldBe($"kept tag 1.4 ({Some.Digest("index")}) lists {Some.Digest("arm64")}, which this run would delete; the package's deletes wait for the next run");
    }

    [Theory]
    [InlineData(false, "untagged")]
    [InlineData(true, "untagged,tagged")]
    public void Removed_Deletes_DigestNamedOnesUnlessTheRegistryDeletesByDigest(bool deletesByDigest, string expected)
    {
        PackageVersion[] deletes = [Some.Version(Some.Digest("untagged").ToString(), 90), Some.Version("1.0", 90, digestSeed: "tagged")];

        var removed = KeptTagCheck.Removed(deletes, deletesByDigest);

        removed.ShouldBe(expected.Split(',').Select(Some.Digest), ignoreOrder: true);
    }

    [Fact]
    public void ToRead_Plan_KeptContainerTagsAndUntaggedKeptForThemselvesOfPackagesWithADeleteOnly()
    {
        var keep = new Reason(Reason.KeepLast, new RetentionOrigin("newest"));
        var delete = new Reason(Reason.Retention, new RetentionOrigin("old"));
        var asChild = new Reason(ReasonKind.IndexChild, new DerivedOrigin("1.4", Some.Digest("index")));
        var child = Some.Version(Some.Digest("child").ToString(), 10);
        var bare = Some.Version(Some.Digest("bare").ToString(), 10);
        var plan = new Plan([
            new Decision(Some.Version("1.0", 90), DecisionAction.Delete, [delete]),
            new Decision(Some.Version("1.4", 10), DecisionAction.Keep, [keep]),
            new Decision(child, DecisionAction.Keep, [asChild, new Reason(Reason.Untagged, new RetentionOrigin("untagged"))]),
            new Decision(bare, DecisionAction.Keep, [asChild, new Reason(Reason.Grace, new RetentionOrigin("young"))]),
            new Decision(Some.Version("2.0", 5, name: "tool"), DecisionAction.Keep, [keep]),
            new Decision(Some.Version("3.0", 5, name: "chart") with { Type = "helm" }, DecisionAction.Keep, [keep]),
            new Decision(Some.Version("0.9", 90, name: "chart") with { Type = "helm" }, DecisionAction.Delete, [delete]),
        ]);

        var toRead = KeptTagCheck.ToRead(plan);

        toRead.SelectMany(g => g).Select(v => $"{v.Name}:{v.Version}").ShouldBe(["cms-plugins:1.4", $"cms-plugins:{bare.Version}"]);
    }
}
