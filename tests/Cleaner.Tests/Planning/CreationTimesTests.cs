namespace OciCleanup.Cleaner.Tests.Planning;

public class CreationTimesTests
{
    private static readonly ImmutableDictionary<string, DateTimeOffset> None = ImmutableDictionary<string, DateTimeOffset>.Empty;

    [Fact]
    public void Apply_ReproducibleBuildStamped1970_AgesFromFirstSeenSoItIsNotDeletedAtOnce()
    {
        var nix = Some.Version("v1", 0) with { CreatedAt = DateTimeOffset.UnixEpoch };

        var (versions, seen) = CreationTimes.Apply([nix], None, Some.Now, inventoryComplete: true);

        versions[0].CreatedAt.ShouldBe(Some.Now);
        versions[0].CreatedIsFirstSeen.ShouldBeTrue();
        seen[CreationTimes.KeyOf(nix)].ShouldBe(Some.Now);
        var plan = Planner.Plan(versions, ImmutableDictionary<OciCleanup.Cleaner.Inventory.VersionKey, ImmutableArray<Reason>>.Empty, Some.Retention(Some.Policy(keepLast: 0)), Some.Now);
        plan.Decisions[0].Action.ShouldBe(DecisionAction.Keep);
    }

    [Fact]
    public void Apply_ChartWithoutCreated_AgesFromWhenItWasFirstSeenAndIsCleanedEventually()
    {
        var chart = Some.Version("6.3.0", 0) with { CreatedAt = DateTimeOffset.MinValue };
        var firstSeen = None.Add(CreationTimes.KeyOf(chart), Some.Now.AddDays(-30));

        var (versions, _) = CreationTimes.Apply([chart], firstSeen, Some.Now, inventoryComplete: true);

        versions[0].CreatedAt.ShouldBe(Some.Now.AddDays(-30));
        var plan = Planner.Plan(versions, ImmutableDictionary<OciCleanup.Cleaner.Inventory.VersionKey, ImmutableArray<Reason>>.Empty, Some.Retention(Some.Policy(keepLast: 0)), Some.Now);
        plan.Decisions[0].Action.ShouldBe(DecisionAction.Delete);
        plan.Decisions[0].MainReason.Detail.ShouldContain("first saw it");
    }

    [Theory]
    [InlineData(0.5, true)]
    [InlineData(3.0, false)]
    [InlineData(-9000.0, true)]
    [InlineData(-10000.0, false)]
    public void IsPlausible_From2000ToADayAhead(double daysFromNow, bool plausible)
    {
        CreationTimes.IsPlausible(Some.Now.AddDays(daysFromNow), Some.Now).ShouldBe(plausible);
    }

    [Fact]
    public void Apply_PartialInventory_KeepsFirstSeenTimesOfVersionsItDidNotSee()
    {
        var firstSeen = None.Add("sha256:" + new string('a', 64), Some.Now.AddDays(-9));

        var (_, partial) = CreationTimes.Apply([], firstSeen, Some.Now, inventoryComplete: false);
        var (_, complete) = CreationTimes.Apply([], firstSeen, Some.Now, inventoryComplete: true);

        partial.Count.ShouldBe(1);
        complete.ShouldBeEmpty();
    }
}
