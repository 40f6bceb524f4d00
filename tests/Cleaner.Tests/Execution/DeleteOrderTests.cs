using OciCleanup.Cleaner.Execution;
using OciCleanup.Pins;

namespace OciCleanup.Cleaner.Tests.Execution;

/// <summary>The order deletes go in: tags before untagged manifests, an index before the manifests it points at.</summary>
public class DeleteOrderTests
{
    private static Decision D(string version, DecisionAction action = DecisionAction.Delete, params Digest[] children) =>
        new(Some.Version(version, 90) with { Children = [.. children] }, action, [new Reason(Reason.Retention, new RetentionOrigin("old"))]);

    private static string Untagged(char c) => "sha256:" + new string(c, 64);

    private static string[] Order(params Decision[] plan) => [.. DeleteOrder.Of(new Plan([.. plan])).Select(d => d.Version.Version)];

    [Fact]
    public void Of_MixedPlan_TagsFirstAndIndexesBeforeManifestsWithinEach()
    {
        var child = Digest.Parse(Untagged('c'));

        var order = Order(
            D(Untagged('c')),
            D("0.1.1"),
            D(Untagged('e'), DecisionAction.Delete, child),
            D("0.1.2", DecisionAction.Delete, Some.Digest("x")),
            D("staging", DecisionAction.Keep));

        order.ShouldBe(["0.1.2", "0.1.1", Untagged('e'), Untagged('c')]);
    }

    [Fact]
    public void Of_UntaggedIndexAndItsChildren_IndexGoesFirstSoItNeverStandsWithAMissingChild()
    {
        var children = ImmutableArray.Create(Digest.Parse(Untagged('a')), Digest.Parse(Untagged('b')));

        var order = Order(D(Untagged('a')), D(Untagged('b')), D(Untagged('f'), DecisionAction.Delete, [.. children]));

        order.ShouldBe([Untagged('f'), Untagged('a'), Untagged('b')]);
    }

    [Fact]
    public void Of_TaggedChildOfAnUntaggedIndexBeingDeleted_GoesAfterTheIndex()
    {
        var amd64 = Some.Digest("amd64");
        var child = D("1.0-amd64") with { Version = Some.Version("1.0-amd64", 90) with { Digest = amd64 } };

        var order = Order(child, D(Untagged('f'), DecisionAction.Delete, amd64));

        order.ShouldBe([Untagged('f'), "1.0-amd64"]);
    }

    [Fact]
    public void Of_NestedIndexes_OuterBeforeInnerBeforeManifest()
    {
        var leaf = Digest.Parse(Untagged('a'));
        var inner = Digest.Parse(Untagged('b'));

        var order = Order(D(Untagged('a')), D(Untagged('b'), DecisionAction.Delete, leaf), D(Untagged('c'), DecisionAction.Delete, inner));

        order.ShouldBe([Untagged('c'), Untagged('b'), Untagged('a')]);
    }

    [Fact]
    public void Of_IndexesListingEachOther_StillGivesEveryDeleteOnce()
    {
        var a = Digest.Parse(Untagged('a'));
        var b = Digest.Parse(Untagged('b'));

        var order = Order(D(Untagged('a'), DecisionAction.Delete, b), D(Untagged('b'), DecisionAction.Delete, a));

        order.ShouldBe([Untagged('a'), Untagged('b')], ignoreOrder: true);
    }

    [Fact]
    public void Of_EqualRank_KeepsThePlansOrder()
    {
        var order = Order(D("0.1.3"), D("0.1.1"), D("0.1.2"));

        order.ShouldBe(["0.1.3", "0.1.1", "0.1.2"]);
    }

    [Fact]
    public void Of_OnlyKeeps_DeletesNothing() =>
        Order(D("staging", DecisionAction.Keep), D("0.1.1", DecisionAction.Keep)).ShouldBeEmpty();
}
