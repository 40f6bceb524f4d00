namespace OciCleanup.Cleaner.Tests.Reporting;

public class DecisionRunTests
{
    private static DecisionEntry D(string version, string action, string kind = "retention", string detail = "older than 14 days", double daysAgo = 0, string? digest = null) =>
        new(new VersionRef("main", "oleks", "container", "cms-plugins", version, digest), Some.Now.AddDays(-daysAgo), action, [new ReasonEntry(kind, new TextOrigin(detail))]);

    private static IEnumerable<DecisionEntry> Deletes(int newest, int oldest) =>
        Enumerable.Range(oldest, newest - oldest + 1).Reverse().Select(n => D($"1.0.{n}", "delete", daysAgo: 100 - n));

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
    public void Collapse_FloatingTagAmongNumbered_HasARowOfItsOwn()
    {
        var runs = DecisionRun.Collapse([.. Deletes(23, 13), D("stable", "delete", daysAgo: 87.5), .. Deletes(12, 4)]);

        runs.Select(r => r.Versions).ShouldBe(["1.0.13 … 1.0.23 — 11 versions", "stable", "1.0.4 … 1.0.12 — 9 versions"]);
    }

    [Fact]
    public void Collapse_VersionWhoseManifestHasAnotherTag_HasARowOfItsOwn()
    {
        var runs = DecisionRun.Collapse([D("stable", "keep", "pin", "p:1", digest: "sha256:13"), .. Enumerable.Range(10, 7).Reverse().Select(n => D($"1.0.{n}", "delete", digest: $"sha256:{n}"))]);

        runs.Select(r => r.Versions).ShouldBe(["stable", "1.0.14 … 1.0.16 — 3 versions", "1.0.13", "1.0.10 … 1.0.12 — 3 versions"]);
    }

    [Theory]
    [InlineData("1.0.5", "1.0.4-rc1", "1.0.3")]
    [InlineData("1.0.5", "1.0.7", "1.0.3")]
    [InlineData("app-3", "lib-2", "app-1")]
    [InlineData("sha256:3", "sha256:2", "sha256:1")]
    public void Collapse_NotOneNumberedSequenceInOrder_IsListedOneByOne(string a, string b, string c)
    {
        var runs = DecisionRun.Collapse([D(a, "delete"), D(b, "delete"), D(c, "delete")]);

        runs.Select(r => r.Versions).ShouldBe([a, b, c]);
    }

    [Fact]
    public void Collapse_SequenceAcrossAMinorVersion_FoldsInNumericOrder()
    {
        var runs = DecisionRun.Collapse([D("1.1.0", "delete"), D("1.0.10", "delete"), D("1.0.9", "delete")]);

        runs.Single().Versions.ShouldBe("1.0.9 … 1.1.0 — 3 versions");
    }

    [Fact]
    public void Created_FoldedRun_IsTheSpanOldestToNewest()
    {
        var run = DecisionRun.Collapse([D("1.0.3", "delete", daysAgo: 30), D("1.0.2", "delete", daysAgo: 31), D("1.0.1", "delete", daysAgo: 40)]).Single();

        run.Created.ShouldBe("2026-04-23 – 05-03");
        DecisionRun.Collapse([D("1.0.3", "delete", daysAgo: 140), D("1.0.2", "delete", daysAgo: 160), D("1.0.1", "delete", daysAgo: 170)]).Single().Created.ShouldBe("2025-12-14 – 2026-01-13");
    }

    [Fact]
    public void Digest_TagsOfOneBuild_ShareTheShortDigest()
    {
        const string digest = "sha256:4f5a0c1e2d3b5a6978877665544332211ffeeddccbbaa00998877665544332211";

        new DecisionRun([D("production", "keep", digest: digest)]).Digest.ShouldBe("4f5a0c1e2d3b");
        DecisionRun.Collapse([D("3", "delete", digest: "sha256:aa"), D("2", "delete", digest: "sha256:bb"), D("1", "delete", digest: "sha256:cc")]).Single().Digest.ShouldBe("various");
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
