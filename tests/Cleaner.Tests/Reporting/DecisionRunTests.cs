using OciCleanup.Cleaner.Reporting;
using OciCleanup.Cleaner.Tests.Support;

namespace OciCleanup.Cleaner.Tests.Reporting;

public class DecisionRunTests
{
    private static DecisionEntry D(string version, string action, string kind = "retention", string detail = "older than 14 days") =>
        new("main", "oleks", "container", "cms-plugins", version, null, Some.Now, action, [new ReasonEntry(kind, detail)]);

    [Fact]
    public void Collapse_RunOfLikeDeletes_IsOneLineOldestToNewest()
    {
        var runs = DecisionRun.Collapse([D("0.1.40", "keep", "keep-last", "#1"), .. Enumerable.Range(1, 27).Reverse().Select(n => D($"0.1.{n}", "delete"))]);

        runs.Length.ShouldBe(2);
        runs[1].IsCollapsed.ShouldBeTrue();
        runs[1].Versions.ShouldBe("0.1.1 … 0.1.27 — 27 versions");
        runs.Sum(r => r.Decisions.Length).ShouldBe(28);
    }

    [Fact]
    public void Collapse_DifferentDetails_StayApart()
    {
        var runs = DecisionRun.Collapse([D("3", "keep", "keep-last", "#1"), D("2", "keep", "keep-last", "#2"), D("1", "keep", "keep-last", "#3")]);

        runs.Select(r => r.Versions).ShouldBe(["3", "2", "1"]);
    }

    [Fact]
    public void Collapse_TwoAlike_AreListedOneByOne()
    {
        var runs = DecisionRun.Collapse([D("2", "delete"), D("1", "delete"), D("0", "keep", "pin", "p:1")]);

        runs.Select(r => r.Versions).ShouldBe(["2", "1", "0"]);
    }

    [Fact]
    public void ActionOf_BlockedRun_SaysWouldDeleteBlocked()
    {
        var blocked = FixedReport.Blocked;
        var delete = blocked.Decisions.First(d => d.Action == "delete");

        ActionText.Of(delete, blocked).ShouldBe("would delete — blocked");
        ActionText.Of(delete, FixedReport.Ok).ShouldBe("would delete");
    }
}
