namespace OciCleanup.Cleaner.Tests;

public sealed class RunIdTests
{
    [Fact]
    public void Format_StartTime_IsUtcCompactAndSortsByTime()
    {
        var early = RunId.Format(new DateTimeOffset(2026, 6, 2, 4, 30, 0, TimeSpan.FromHours(2)), "ffff");
        var later = RunId.Format(new DateTimeOffset(2026, 6, 2, 2, 30, 1, TimeSpan.Zero), "0000");

        early.ShouldBe("20260602T023000Z-ffff");
        string.CompareOrdinal(early, later).ShouldBeLessThan(0);
    }

    [Fact]
    public void New_TwoRunsInTheSameSecond_GetDifferentIds()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 6, 2, 2, 30, 0, TimeSpan.Zero));

        var ids = Enumerable.Range(0, 20).Select(_ => RunId.New(clock)).ToHashSet();

        ids.Count.ShouldBeGreaterThan(1);
        ids.ShouldAllBe(id => id.StartsWith("20260602T023000Z-") && id.Length == "20260602T023000Z-".Length + 4);
    }

    [Fact]
    public void New_RunsLaterInTheSameSecond_SortAfterEarlierOnes()
    {
        var second = new DateTimeOffset(2026, 6, 2, 2, 30, 0, TimeSpan.Zero);

        var ids = new[] { 5, 120, 999 }.Select(ms => RunId.New(new FixedClock(second.AddMilliseconds(ms)))).ToList();

        ids.ShouldBe([.. ids.Order(StringComparer.Ordinal)]);
        ids[0].ShouldStartWith("20260602T023000Z-005");
    }
}
