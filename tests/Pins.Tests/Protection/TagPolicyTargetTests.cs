namespace OciCleanup.Pins.Tests.Protection;

public class TagPolicyTargetTests
{
    [Fact]
    public void Equals_SamePolicyFromTwoObjects_OneTargetInAHashSet()
    {
        var set = new HashSet<ProtectionTarget>
        {
            Target(">=1.0.0 <2.0.0"),
            Target(">=1.0.0 <2.0.0"),
            Target("~1.4"),
            new TagPolicyTarget("git.example.org", "team/podinfo", new HelmChartTags("~1.4")),
        };

        set.Count.ShouldBe(3);
    }

    [Fact]
    public void Merge_SameTargetAndReason_KeptOnce()
    {
        var reason = new ProtectionReason(ReasonKind.ImagePolicy, new ClusterObjectOrigin("armer", "apps", "ImagePolicy", "podinfo"));
        var first = SourceResult.Ok("cluster:armer", [new(Target(">=1.0.0"), reason)]);
        var again = SourceResult.Ok("cluster:armer-again", [new(Target(">=1.0.0"), reason)]);

        ProtectedSet.Merge([first, again]).Protections.ShouldHaveSingleItem();
    }

    private static TagPolicyTarget Target(string range) =>
        new("git.example.org", "team/podinfo", new ImagePolicyTags(null, "", new SemverOrder(FluxSemverRange.Parse(range))));
}
