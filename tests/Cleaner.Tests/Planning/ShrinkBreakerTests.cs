using OciCleanup.Pins;

namespace OciCleanup.Cleaner.Tests.Planning;

public class ShrinkBreakerTests
{
    private static SourceResult Source(string name, int targets, params string[] groups) =>
        SourceResult.Ok(name, Enumerable.Range(0, targets).Select(i => new Protection(new ImageTarget(ImageReference.Parse($"git.example.org/oleks/app:{i}")), new ProtectionReason(ReasonKind.Workload, new ClusterObjectOrigin(name, "ns", "Pod", $"p{i}"))))) with { ServedGroups = [.. groups] };

    private static ImmutableDictionary<string, SourceBaseline> Baselines(params (string Name, int Targets, string[] Groups)[] entries) =>
        entries.ToImmutableDictionary(e => e.Name, e => new SourceBaseline(e.Targets, [.. e.Groups]));

    [Theory]
    [InlineData(40, 40, false)]
    [InlineData(40, 20, false)]
    [InlineData(40, 19, true)]
    [InlineData(40, 0, true)]
    [InlineData(1, 0, true)]
    [InlineData(0, 0, false)]
    [InlineData(10, 50, false)]
    public void Check_PerSource_BlocksBelowThresholdOrNoneAfterSome(int baseline, int now, bool blocks)
    {
        var findings = ShrinkBreaker.Check([Source("cluster:lan", now)], Baselines(("cluster:lan", baseline, [])), 0.5, ImmutableHashSet<string>.Empty);

        findings.Any(f => !f.Accepted).ShouldBe(blocks);
    }

    [Fact]
    public void Check_OneClusterEmptyWhileAnotherKeepsTheTotalUp_Blocks()
    {
        // The fleet-wide count would be 100 of 110: well above half. Per source, lan named 10 and now none.
        var findings = ShrinkBreaker.Check(
            [Source("cluster:armer", 100), Source("cluster:lan", 0)],
            Baselines(("cluster:armer", 100, []), ("cluster:lan", 10, [])), 0.5, ImmutableHashSet<string>.Empty);

        findings.ShouldHaveSingleItem().Source.ShouldBe("cluster:lan");
    }

    [Fact]
    public void Check_FluxGroupGoneFromDiscovery_BlocksEvenWithEnoughTargets()
    {
        var findings = ShrinkBreaker.Check(
            [Source("cluster:armer", 10, "source.toolkit.fluxcd.io")],
            Baselines(("cluster:armer", 10, ["helm.toolkit.fluxcd.io", "source.toolkit.fluxcd.io"])), 0.5, ImmutableHashSet<string>.Empty);

        findings.ShouldHaveSingleItem().GroupsGone.ShouldBe(["helm.toolkit.fluxcd.io"]);
    }

    [Fact]
    public void Check_NewSourceOrFailedSource_HasNoFinding()
    {
        var findings = ShrinkBreaker.Check(
            [Source("cluster:new", 0), SourceResult.Failed("cluster:armer", "connection refused")],
            Baselines(("cluster:armer", 10, [])), 0.5, ImmutableHashSet<string>.Empty);

        findings.ShouldBeEmpty();
    }

    [Fact]
    public void Check_Accepted_IsAFindingThatDoesNotBlock()
    {
        ShrinkBreaker.Check([Source("cluster:lan", 0)], Baselines(("cluster:lan", 10, [])), 0.5, new HashSet<string> { "cluster:lan" })
            .ShouldHaveSingleItem().Accepted.ShouldBeTrue();
    }

    [Fact]
    public void Next_CountsDistinctTargetsOfOkSourcesOnly()
    {
        var twice = SourceResult.Ok("pins:/p", [
            new Protection(new ImageTarget(ImageReference.Parse("git.example.org/oleks/app:1")), new ProtectionReason(ReasonKind.Pin, new PinsLineOrigin("/p", 1))),
            new Protection(new ImageTarget(ImageReference.Parse("git.example.org/oleks/app:1")), new ProtectionReason(ReasonKind.Pin, new PinsLineOrigin("/p", 2))),
        ]);

        var next = ShrinkBreaker.Next([twice, SourceResult.Failed("cluster:armer", "x")]);

        next.Keys.ShouldBe(["pins:/p"]);
        next["pins:/p"].Targets.ShouldBe(1);
    }
}
