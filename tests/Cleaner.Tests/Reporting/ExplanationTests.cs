namespace OciCleanup.Cleaner.Tests.Reporting;

public class ExplanationTests
{
    private static string Explained(RunReport report, Func<DecisionEntry, bool> which) =>
        Explanation.Of(report.Decisions.First(which), report, RetentionPolicy.Default);

    [Fact]
    public void Of_PinnedVersion_NamesEveryReasonItsSourceAndTheDecision()
    {
        var text = Explained(FixedReport.Ok, d => d.Version == "staging");

        text.ShouldContain("It is pinned by line 3 of the pins file /etc/registry-pins.txt. [pin, from pins:/etc/registry-pins.txt]");
        text.ShouldContain("HelmRelease kotkan/cms-plugins-staging in cluster armer (image), which is suspended");
        text.ShouldContain("tracked by the ImagePolicy kotkan/cms-plugins-staging in cluster armer");
        text.ShouldContain("Consulted: registry:main (ok, 15 versions); pins:/etc/registry-pins.txt (ok, 2 references); cluster:armer (ok, 5 references)");
        text.ShouldContain("Decision: KEEP. It is protected");
    }

    [Fact]
    public void Of_DeleteInBlockedRun_SaysNothingIsDeletedAndWhy()
    {
        var text = Explained(FixedReport.Blocked, d => d.Action == "delete");

        text.ShouldContain("cluster:armer (FAILED: HTTP 403 listing helmreleases)");
        text.ShouldContain("WOULD DELETE, but a run now is blocked, so nothing is deleted: reference source failed: cluster:armer");
    }

    [Fact]
    public void Of_TagOfAKeptBuild_SaysItStaysWithThatBuildNotThatItIsProtected()
    {
        var twin = FixedReport.Ok.Decisions.Single(d => d.Version == "0.1.9") with
        {
            Reasons = [new ReasonEntry("same-manifest", new DerivedOrigin("staging", Pins.Digest.Parse("sha256:" + new string('c', 64)))), new ReasonEntry("keep-last", new RankOrigin(2, 2))],
        };

        var text = Explanation.Of(twin, FixedReport.Ok, RetentionPolicy.Default);

        text.ShouldContain("Decision: KEEP. Its manifest is kept through another tag: deleting this tag would free no byte");
        text.ShouldNotContain("It is protected");
    }
}
