using OciCleanup.Cleaner.History;

namespace OciCleanup.Cleaner.Tests.History;

/// <summary><c>diff</c>: what a later run plans to delete anew, which protection came or went and by what, what it deleted.</summary>
public class ReportDiffTests
{
    private const string Key = "main:oleks/container/cms-plugins==";

    // The reasons of the table below, by name.
    private static readonly Dictionary<string, ReasonEntry> Reasons = new()
    {
        ["pin 3"] = new("pin", Origins.Pin()),
        ["pin 4"] = new("pin", Origins.Pin(line: 4)),
        ["first"] = new("keep-last", new RankOrigin(1, 2)),
        ["second"] = new("keep-last", new RankOrigin(2, 2)),
        ["deployment"] = new("workload", Origins.Live("kotkan", "Deployment", "cms", "app")),
        ["filterTags"] = new("imagepolicy", Origins.Live("kotkan", "ImagePolicy", "cms") with { Pick = new(["staging"], "filterTags '^staging$'") }),
        ["semver"] = new("imagepolicy", Origins.Live("kotkan", "ImagePolicy", "cms") with { Pick = new(["staging"], "semver '>=0.1'") }),
        ["bracketed 3"] = new("pin", Origins.Pin("/srv/pins (old)/prod.txt", 3)),
        ["bracketed 4"] = new("pin", Origins.Pin("/srv/pins (old)/prod.txt", 4)),
    };

    private static DecisionEntry E(string version, string action, string? result, params ReasonEntry[] reasons) =>
        new(new VersionRef("main", "oleks", "container", "cms-plugins", version, Some.Digest(version).ToString()), Some.Now.AddDays(-30), action, [.. reasons], result);

    private static RunReport R(params DecisionEntry[] decisions) =>
        new(1, "dry-run", Some.Now, Some.Now, [], [.. decisions], new Summary(decisions.Length, 0, 0, 0, 0, false, null));

    public static TheoryData<string, string[], string[], string[], string[]> Protections => new()
    {
        { "the pins line was removed", ["pin 3", "first"], ["first"], ["no longer named by /etc/registry-pins.txt:3 (pin)"], [] },
        { "a Deployment started to run it", ["first"], ["deployment", "first"], [], ["now named by armer/kotkan/Deployment/cms/app (workload)"] },
        { "the pin moved to another line", ["pin 3"], ["pin 4"], ["no longer named by /etc/registry-pins.txt:3 (pin)"], ["now named by /etc/registry-pins.txt:4 (pin)"] },
        { "the same ImagePolicy picks it another way", ["filterTags"], ["semver"], [], [] },
        { "its retention rank changed: no protection", ["first"], ["second"], [], [] },

        // Read back from the text, a pins path was cut at its first " (": both lines were "/srv/pins (pin)".
        { "a pin in a bracketed folder moved", ["bracketed 3"], ["bracketed 4"], ["no longer named by /srv/pins (old)/prod.txt:3 (pin)"], ["now named by /srv/pins (old)/prod.txt:4 (pin)"] },
    };

    [Theory]
    [MemberData(nameof(Protections))]
    public void Of_ReasonsChanged_NamesTheProtectionLostOrGainedAndNothingElse(string because, string[] before, string[] after, string[] lost, string[] gained)
    {
        var diff = ReportDiff.Of(R(E("staging", "keep", null, [.. before.Select(r => Reasons[r])])), R(E("staging", "keep", null, [.. after.Select(r => Reasons[r])])));

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
        var then = before is null ? R() : R(E("0.1.9", before, null, new ReasonEntry("keep-last", new RankOrigin(2, 2))));

        var diff = ReportDiff.Of(then, R(E("0.1.9", after, null, new ReasonEntry("retention", Origins.Rule("older than 14 days and not among the newest 1")))));

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
        var version = new DecisionEntry(new VersionRef("lan", null, "container", "team/app", "1.0", null), Some.Now, "delete", [new ReasonEntry("retention", Origins.Rule("old"))], "deleted");

        var diff = ReportDiff.Of(R(), R(version));

        diff.Deleted.ShouldBe(["lan:container/team/app==1.0"]);
    }

    private static readonly DateTimeOffset Until = new(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, ReasonEntry> WindowReasons = new()
    {
        ["1 back"] = new("rollback", new RollbackOrigin("armer", "kotkan", "Deployment", "api", Until, 1)),
        ["2 back"] = new("rollback", new RollbackOrigin("armer", "kotkan", "Deployment", "api", Until, 2)),
        ["3 back"] = new("rollback", new RollbackOrigin("armer", "kotkan", "Deployment", "api", Until, 3)),
        ["running"] = new("workload", Origins.Live("kotkan", "Deployment", "api", "api")),
        ["first"] = Reasons["first"],
        ["retention"] = new("retention", new RetentionOrigin("old")),
    };

    public static TheoryData<string, string, string?, string[]> Window => new()
    {
        { "still in the window", "2 back", "3 back", [] },
        { "pushed out by a new deploy", "3 back", "retention", ["left the rollback window (it ran as armer kotkan/Deployment/api until 2026-11-20, 3 deploys back); now planned for deletion"] },
        { "rolled back to: running again", "1 back", "running", ["left the rollback window (it ran as armer kotkan/Deployment/api until 2026-11-20, 1 deploy back)"] },
        { "deleted since", "3 back", null, ["left the rollback window (it ran as armer kotkan/Deployment/api until 2026-11-20, 3 deploys back); no longer in the registry"] },
        { "never in the window", "first", "retention", [] },
    };

    [Theory]
    [MemberData(nameof(Window))]
    public void Of_RollbackReasonGone_NamesTheVersionThatLeftTheWindow(string because, string before, string? after, string[] left)
    {
        var then = R(E("0.1.31", "keep", null, WindowReasons[before]));
        var now = after is null ? R() : R(E("0.1.31", after == "retention" ? "delete" : "keep", null, WindowReasons[after]));

        ReportDiff.Of(then, now).LeftRollbackWindow.ShouldBe([.. left.Select(l => Key + "0.1.31: " + l)], because);
    }
}
