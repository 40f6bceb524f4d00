namespace OciCleanup.Cleaner.Tests.Reporting;

/// <summary>
/// One fixed report the golden files are made from: two packages, every kind of reason a person meets
/// (pin, workload, suspended HelmRelease, ImagePolicy, index child, retention), two runs of deletes to
/// fold with the floating tag <c>stable</c> between them (same decision and reasons, the manifest of
/// 0.1.5: it must have a row of its own), a warning, and sizes. <see cref="Blocked"/> is the same run, blocked by a failed cluster.
/// </summary>
internal static class FixedReport
{
    public static readonly ReportLook Look = new(100, Colour: false, ToolVersion: "9.9.9");

    public static RunReport Ok { get; } = Build(blocked: null);

    public static RunReport Blocked { get; } = Build("reference source failed: cluster:armer: HTTP 403 listing helmreleases") with
    {
        Sources = [.. Build(null).Sources.Where(s => s.Name != "cluster:armer"), new SourceEntry("cluster:armer", "failed", null, "HTTP 403 listing helmreleases", null)],
    };

    private static RunReport Build(string? blocked)
    {
        var decisions = ImmutableArray.CreateBuilder<DecisionEntry>();
        DecisionEntry D(string package, string version, double daysAgo, string action, params (string Kind, ReasonOrigin Origin)[] reasons) =>
            new(new VersionRef("main", "oleks", "container", package, version, Some.Digest(package + (version == "stable" ? "0.1.5" : version)).ToString()), Some.Now.AddDays(-daysAgo), action, [.. reasons.Select(r => new ReasonEntry(r.Kind, r.Origin))]);
        decisions.Add(D("cms-plugins", "staging", 1, "keep", ("pin", (ReasonOrigin)new PinsLineOrigin("/etc/registry-pins.txt", 3)), ("helmrelease-suspended", new ClusterObjectOrigin("armer", "kotkan", "HelmRelease", "cms-plugins-staging") { At = "image" }), ("imagepolicy", new ClusterObjectOrigin("armer", "kotkan", "ImagePolicy", "cms-plugins-staging") { Pick = new(["staging"], "filterTags '^staging$', alphabetical asc") })));
        decisions.Add(D("cms-plugins", "0.1.10", 1, "keep", ("workload", (ReasonOrigin)new ClusterObjectOrigin("armer", "kotkan", "Deployment", "cms-plugins-staging", "app")), ("keep-last", new RankOrigin(1, 2))));
        decisions.Add(D("cms-plugins", "0.1.9", 2, "keep", ("keep-last", (ReasonOrigin)new RankOrigin(2, 2))));
        for (var v = 8; v >= 1; v--)
        {
            decisions.Add(D("cms-plugins", $"0.1.{v}", 30 + (8 - v), "delete", ("retention", (ReasonOrigin)new RetentionOrigin("older than 14 days and not among the newest 2"))));
            if (v == 5)
            {
                decisions.Add(D("cms-plugins", "stable", 33.5, "delete", ("retention", (ReasonOrigin)new RetentionOrigin("older than 14 days and not among the newest 2"))));
            }
        }

        decisions.Add(D("base", "v5", 3, "keep", ("keep-last", (ReasonOrigin)new RankOrigin(1, 10))));
        decisions.Add(D("base", "sha256:" + new string('a', 64), 3, "keep", ("index-child", (ReasonOrigin)new DerivedOrigin("v5", Pins.Digest.Parse("sha256:" + new string('b', 64))))));
        decisions.Add(D("base", "sha256:" + new string('c', 64), 40, "delete", ("untagged", (ReasonOrigin)new RetentionOrigin("untagged, no kept index needs it, older than 2 days"))));
        var list = decisions.ToImmutable();
        var summary = new Summary(list.Length, list.Count(d => d.Action == "keep"), list.Count(d => d.Action == "delete"), 0, 0, blocked is not null, blocked)
        {
            ReclaimableBytes = 123_456_789,
            PackageBytes = ImmutableSortedDictionary.CreateRange([KeyValuePair.Create("main:oleks/container/cms-plugins", 123_000_000L), KeyValuePair.Create("main:oleks/container/base", 456_789L)]),
        };
        ImmutableArray<SourceEntry> sources =
        [
            new("registry:main", "ok", null, null, ["15 versions"]),
            new("pins:/etc/registry-pins.txt", "ok", 2, null, null),
            new("cluster:armer", "ok", 5, null, null) { Baseline = 5 },
        ];
        return new RunReport(1, "dry-run", Some.Now, Some.Now.AddSeconds(4), sources, list, summary)
        {
            Warnings = [new ReportWarning(WarningKind.PinUnmatched, "/etc/registry-pins.txt:4: container/cms-plugin==staging matches no version")],
            Rollback = [new RollbackLine("armer kotkan/Deployment/api", 3, "armer kotkan/Deployment/api: 3 rollbacks back; the 4th (0.1.31) was deleted on 2026-11-20")],
        };
    }
}
