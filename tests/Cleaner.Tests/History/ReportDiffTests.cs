using OciCleanup.Cleaner.History;
using OciCleanup.Cleaner.Reporting;
using OciCleanup.Cleaner.Tests.Support;

namespace OciCleanup.Cleaner.Tests.History;

/// <summary><c>diff</c>: what a later run plans to delete anew, which protection came or went and by what, what it deleted.</summary>
public class ReportDiffTests
{
    private const string Key = "main:oleks/container/cms-plugins==";

    // Reasons as "kind=detail", so a table row reads like the report.
    private static DecisionEntry E(string version, string action, string? result, params string[] reasons) =>
        new("main", "oleks", "container", "cms-plugins", version, Some.Digest(version).ToString(), Some.Now.AddDays(-30), action,
            [.. reasons.Select(r => r.Split('=', 2)).Select(r => new ReasonEntry(r[0], r[1]))], result);

    private static RunReport R(params DecisionEntry[] decisions) =>
        new(1, "dry-run", Some.Now, Some.Now, [], [.. decisions], new Summary(decisions.Length, 0, 0, 0, 0, false, null));

    public static TheoryData<string, string[], string[], string[], string[]> Protections => new()
    {
        { "the pins line was removed", ["pin=/etc/registry-pins.txt:3", "keep-last=#1 of the newest 2 tagged"], ["keep-last=#1 of the newest 2 tagged"], ["no longer named by /etc/registry-pins.txt:3 (pin)"], [] },
        { "a Deployment started to run it", ["keep-last=#1 of the newest 2 tagged"], ["workload=armer/kotkan/Deployment/cms/app", "keep-last=#1 of the newest 2 tagged"], [], ["now named by armer/kotkan/Deployment/cms/app (workload)"] },
        { "the pin moved to another line", ["pin=/etc/registry-pins.txt:3"], ["pin=/etc/registry-pins.txt:4"], ["no longer named by /etc/registry-pins.txt:3 (pin)"], ["now named by /etc/registry-pins.txt:4 (pin)"] },
        { "the same ImagePolicy picks it another way", ["imagepolicy=armer/kotkan/ImagePolicy/cms (would pick staging by filterTags '^staging$')"], ["imagepolicy=armer/kotkan/ImagePolicy/cms (would pick staging by semver '>=0.1')"], [], [] },
        { "its retention rank changed: no protection", ["keep-last=#1 of the newest 2 tagged"], ["keep-last=#2 of the newest 2 tagged"], [], [] },
    };

    [Theory]
    [MemberData(nameof(Protections))]
    public void Of_ReasonsChanged_NamesTheProtectionLostOrGainedAndNothingElse(string because, string[] before, string[] after, string[] lost, string[] gained)
    {
        var diff = ReportDiff.Of(R(E("staging", "keep", null, before)), R(E("staging", "keep", null, after)));

        diff.LostProtection.ShouldBe([.. lost.Select(l => Key + "staging: " + l)], because);
        diff.GainedProtection.ShouldBe([.. gained.Select(g => Key + "staging: " + g)], because);
        diff.NewlyPlannedDeletes.ShouldBeEmpty(because);
    }

    public static TheoryData<string, string?, string, bool> Planned => new()
    {
        { "kept before, deleted now", "keep", "delete", true },
        { "not there before, deleted now", null, "delete", true },
        { "deleted before and now", "delete", "delete", false },
        { "deleted before, kept now", "delete", "keep", false },
    };

    [Theory]
    [MemberData(nameof(Planned))]
    public void Of_ActionChanged_ListsOnlyNewlyPlannedDeletesWithTheirReasons(string because, string? before, string after, bool listed)
    {
        var then = before is null ? R() : R(E("0.1.9", before, null, "keep-last=#2 of the newest 2 tagged"));

        var diff = ReportDiff.Of(then, R(E("0.1.9", after, null, "retention=older than 14 days and not among the newest 1")));

        diff.NewlyPlannedDeletes.ShouldBe(listed ? [Key + "0.1.9: retention (older than 14 days and not among the newest 1)"] : [], because);
    }

    [Fact]
    public void Of_DeleteRun_ListsOnlyTheDeletesThatHappened()
    {
        var before = R(E("0.1.1", "delete", null), E("0.1.2", "delete", null), E("0.1.3", "delete", null));
        var after = R(E("0.1.1", "delete", "deleted"), E("0.1.2", "delete", "failed"), E("0.1.3", "delete", "skipped"));

        var diff = ReportDiff.Of(before, after);

        diff.Deleted.ShouldBe([Key + "0.1.1"]);
    }

    [Fact]
    public void Of_OciRegistryWithoutOwner_NamesTheVersionWithoutAnOwner()
    {
        var version = new DecisionEntry("lan", null, "container", "team/app", "1.0", null, Some.Now, "delete", [new ReasonEntry("retention", "old")], "deleted");

        var diff = ReportDiff.Of(R(), R(version));

        diff.Deleted.ShouldBe(["lan:container/team/app==1.0"]);
    }

    public static TheoryData<string, string?, string?, string[]> Window => new()
    {
        { "still in the window", "rollback=ran as armer kotkan/Deployment/api until 2026-11-20, 2 deploys back", "rollback=ran as armer kotkan/Deployment/api until 2026-11-20, 3 deploys back", [] },
        { "pushed out by a new deploy", "rollback=ran as armer kotkan/Deployment/api until 2026-11-20, 3 deploys back", "retention=old", ["left the rollback window (it ran as armer kotkan/Deployment/api until 2026-11-20, 3 deploys back); now planned for deletion"] },
        { "rolled back to: running again", "rollback=ran as armer kotkan/Deployment/api until 2026-11-20, 1 deploy back", "workload=armer/kotkan/Deployment/api/api", ["left the rollback window (it ran as armer kotkan/Deployment/api until 2026-11-20, 1 deploy back)"] },
        { "deleted since", "rollback=ran as armer kotkan/Deployment/api until 2026-11-20, 3 deploys back", null, ["left the rollback window (it ran as armer kotkan/Deployment/api until 2026-11-20, 3 deploys back); no longer in the registry"] },
        { "never in the window", "keep-last=#1 of the newest 2 tagged", "retention=old", [] },
    };

    [Theory]
    [MemberData(nameof(Window))]
    public void Of_RollbackReasonGone_NamesTheVersionThatLeftTheWindow(string because, string? before, string? after, string[] left)
    {
        var then = R(E("0.1.31", "keep", null, before!));
        var now = after is null ? R() : R(E("0.1.31", after.StartsWith("retention", StringComparison.Ordinal) ? "delete" : "keep", null, after));

        ReportDiff.Of(then, now).LeftRollbackWindow.ShouldBe([.. left.Select(l => Key + "0.1.31: " + l)], because);
    }
}
