namespace OciCleanup.Cleaner.Tests.Reporting;

public class ReclaimableBytesTests
{
    private static DecisionEntry D(string version, string action, string package = "cms-plugins") =>
        new(new VersionRef("main", "oleks", "container", package, version, "sha256:" + version), Some.Now, action, []);

    private static VersionBlobs Blobs(params (string Digest, long Size)[] blobs) => new(blobs.ToImmutableDictionary(b => b.Digest, b => b.Size));

    [Fact]
    public void Of_LayerSharedWithAKeptVersion_CountsAsKept()
    {
        ImmutableArray<DecisionEntry> decisions = [D("new", "keep"), D("old", "delete")];
        var blobs = new Dictionary<(string, string?), VersionBlobs>
        {
            [("main", "sha256:new")] = Blobs(("m-new", 1_000), ("base-layer", 50_000_000), ("app-2", 2_000)),
            [("main", "sha256:old")] = Blobs(("m-old", 1_000), ("base-layer", 50_000_000), ("app-1", 3_000)),
        };

        var (total, byPackage) = ReclaimableBytes.Of(decisions, blobs);

        total.ShouldBe(4_000);
        byPackage!["main:oleks/container/cms-plugins"].ShouldBe(4_000);
    }

    [Fact]
    public void Of_BlobSharedByTwoDeletes_CountsOnce()
    {
        ImmutableArray<DecisionEntry> decisions = [D("a", "delete"), D("b", "delete", "other")];
        var blobs = new Dictionary<(string, string?), VersionBlobs>
        {
            [("main", "sha256:a")] = Blobs(("shared", 10), ("a", 1)),
            [("main", "sha256:b")] = Blobs(("shared", 10), ("b", 2)),
        };

        ReclaimableBytes.Of(decisions, blobs).Total.ShouldBe(13);
    }

    [Fact]
    public void Of_ADeleteWithoutSizes_IsUnknownNotSmaller()
    {
        ImmutableArray<DecisionEntry> decisions = [D("a", "delete"), D("b", "delete")];
        var blobs = new Dictionary<(string, string?), VersionBlobs> { [("main", "sha256:a")] = Blobs(("a", 1)) };

        ReclaimableBytes.Of(decisions, blobs).ShouldBe((null, null));
    }
}
