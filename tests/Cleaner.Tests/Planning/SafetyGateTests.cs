namespace OciCleanup.Cleaner.Tests.Planning;

public class SafetyGateTests
{
    private static Plan PlanWith(int keep, int delete) => new([
        .. Enumerable.Range(0, keep).Select(i => new Decision(Some.Version($"k{i}", 1), DecisionAction.Keep, [new Reason(Reason.KeepLast, new RetentionOrigin(""))])),
        .. Enumerable.Range(0, delete).Select(i => new Decision(Some.Version($"d{i}", 90), DecisionAction.Delete, [new Reason(Reason.Retention, new RetentionOrigin(""))])),
    ]);

    private static readonly ProtectedSet Healthy = ProtectedSet.Merge([SourceResult.Ok("cluster:armer", [])]);

    [Theory]
    [InlineData(10, 5, 500, 0.5, null)]
    [InlineData(10, 5, 4, 0.9, "exceed maxDeletes 4")]
    [InlineData(4, 6, 500, 0.5, "exceed maxDeleteFraction 0.5")]
    [InlineData(5, 5, 500, 0.5, null)]
    public void Check_Limits_BlockWholeRun(int keep, int delete, int maxDeletes, double maxFraction, string? blocked)
    {
        var safety = new SafetyConfig(MaxDeletes: maxDeletes, MaxDeleteFraction: maxFraction, MaxProtectedShrink: 0.5);

        var reason = SafetyGate.Check(PlanWith(keep, delete), Healthy, [], safety);

        if (blocked is null)
        {
            reason.ShouldBeNull();
        }
        else
        {
            reason.ShouldNotBeNull().ShouldContain(blocked);
        }
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void Check_FailedSource_BlocksWhenFailingClosed(bool failClosed, bool blocked)
    {
        var sources = ProtectedSet.Merge([SourceResult.Ok("pins:/etc/pins", []), SourceResult.Failed("cluster:armer", "connection refused")]);

        var reason = SafetyGate.Check(PlanWith(10, 1), sources, [], new SafetyConfig(FailClosed: failClosed));

        (reason is not null).ShouldBe(blocked);
        if (blocked)
        {
            reason!.ShouldContain("cluster:armer: connection refused");
        }
    }

    [Fact]
    public void Check_ShrunkSource_BlocksAndSaysHowToAccept()
    {
        var reason = SafetyGate.Check(PlanWith(10, 1), Healthy, [new ShrinkFinding("cluster:lan", 40, 0, [], Accepted: false)], new SafetyConfig());

        reason.ShouldNotBeNull().ShouldContain("cluster:lan names 0 protected targets, its baseline is 40");
        reason.ShouldContain("--accept-shrink cluster:lan");
    }

    [Fact]
    public void Check_AcceptedShrink_DoesNotBlock()
    {
        SafetyGate.Check(PlanWith(10, 1), Healthy, [new ShrinkFinding("cluster:lan", 40, 0, [], Accepted: true)], new SafetyConfig()).ShouldBeNull();
    }
}
