namespace OciCleanup.Cleaner.Tests.Reporting;

public class ReasonTextTests
{
    private static readonly Pins.Digest Abc = Some.Digest("abc");

    public static TheoryData<string, ReasonOrigin, string> Words => new()
    {
        { "pin", Origins.Pin(), "pinned by /etc/registry-pins.txt:3" },
        { "workload", Origins.Live("kotkan", "Deployment", "cms-plugins-staging", "app"), "used by Deployment kotkan/cms-plugins-staging in armer, app" },
        { "replicaset-history", Origins.Live("web", "ReplicaSet", "web-6d4f"), "rollback target of ReplicaSet web/web-6d4f in armer" },
        { "helmrelease", Origins.Live("kotkan", "HelmRelease", "cms") with { At = "image" }, "set by HelmRelease kotkan/cms in armer (image)" },
        { "helmrelease-suspended", Origins.Live("kotkan", "HelmRelease", "cms-plugins-staging") with { At = "image" }, "set by suspended HelmRelease kotkan/cms-plugins-staging in armer (image), runs when resumed" },
        { "imagepolicy", Origins.Live("kotkan", "ImagePolicy", "cms-plugins-staging") with { Pick = new(["staging"], "filterTags '^staging$'") }, "tracked by ImagePolicy kotkan/cms-plugins-staging in armer (would pick staging by filterTags '^staging$')" },
        { "kustomization", Origins.Live("flux-system", "Kustomization", "apps"), "set by Kustomization flux-system/apps in armer" },
        { "flux-source", Origins.Live("flux-system", "OCIRepository", "manifests") with { At = "spec.ref.semver" }, "pulled by OCIRepository flux-system/manifests in armer (spec.ref.semver)" },
        { "git", new GitOrigin("infra", "3f2a9c1d0e", "apps/api.yaml", 12, AtHead: true), "set in git infra@3f2a9c1:apps/api.yaml:12 at HEAD (Flux applies it next)" },
        { "git", new GitOrigin("infra", "3f2a9c1d0e", "apps/api.yaml", 12, AtHead: false), "set in git history infra@3f2a9c1:apps/api.yaml:12 (a revert brings it back)" },
        { "rollback", new RollbackOrigin("armer", "kotkan", "Deployment", "api", new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), 2), "rollback window: ran as armer kotkan/Deployment/api until 2026-11-20, 2 deploys back" },
        { "index-child", new DerivedOrigin("v5", Abc), $"needed by kept index v5 ({Abc})" },
        { "artifact", new DerivedOrigin("v5", Abc), $"signature/attestation of kept v5 ({Abc})" },
        { "same-manifest", new DerivedOrigin("production", Abc), $"same manifest as kept production ({Abc})" },
        { "keep-last", new RankOrigin(2, 10), "newest 10 (#2)" },
        { "keep-within", Origins.Rule("pushed within 14 days"), "pushed within 14 days" },
        { "keep-tag", Origins.Rule("^latest$"), "tag matches keepTags ^latest$" },
        { "grace", Origins.Rule("younger than minAgeHours 6"), "too new to delete (younger than minAgeHours 6)" },
        { "remove-tag", Origins.Rule("^pr-"), "tag matches removeTags ^pr-" },
        { "retention", Origins.Rule("older than 14 days and not among the newest 10"), "retention: older than 14 days and not among the newest 10" },
        { "untagged", Origins.Rule("untagged, no kept index needs it, older than 2 days"), "untagged, no kept index needs it, older than 2 days" },
    };

    [Theory]
    [MemberData(nameof(Words))]
    public void Of_EveryReasonKind_IsWords(string kind, ReasonOrigin origin, string expected) =>
        ReasonText.Of(new ReasonEntry(kind, origin)).ShouldBe(expected);

    [Fact]
    public void Of_EveryKindOfTheList_HasItsOwnWords()
    {
        var covered = Words.Select(row => (string)row[0]).ToHashSet();

        ReasonKind.All.Where(k => !covered.Contains(k)).ShouldBeEmpty();
    }

    public static TheoryData<string, ReasonOrigin, string> Sources => new()
    {
        { "pin", Origins.Pin(), "pins:/etc/registry-pins.txt" },
        { "workload", Origins.Live("kotkan", "Deployment", "web", "app"), "cluster:armer" },
        { "imagepolicy", Origins.Live("flux", "ImagePolicy", "web", cluster: "prod"), "cluster:prod" },
        { "index-child", new DerivedOrigin("v5", Abc), "index" },
        { "artifact", new DerivedOrigin("v5", Abc), "manifest" },
        { "same-manifest", new DerivedOrigin("production", Abc), "manifest" },
        { "retention", Origins.Rule("older than 14 days"), "retention" },
        { "keep-last", new RankOrigin(1, 10), "retention" },

        // Fixed labels: read back from the text these said cluster:infra@3f2a9c1:apps and cluster:ran as armer kotkan.
        { "git", new GitOrigin("infra", "3f2a9c1d0e", "apps/api.yaml", 12, AtHead: true), "git:infra" },
        { "rollback", new RollbackOrigin("armer", "kotkan", "Deployment", "api", new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero), 1), "rollback" },
        { "pin", Origins.Pin("/srv/pins (old)/prod.txt", 4), "pins:/srv/pins (old)/prod.txt" },
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public void SourceOf_Reason_NamesTheReportSource(string kind, ReasonOrigin origin, string expected) =>
        ReasonSource.Of(new ReasonEntry(kind, origin)).ShouldBe(expected);

    public static TheoryData<string, ReasonOrigin, string> Sentences => new()
    {
        { "pin", Origins.Pin(), "It is pinned by line 3 of the pins file /etc/registry-pins.txt." },
        { "helmrelease-suspended", Origins.Live("kotkan", "HelmRelease", "cms-plugins-staging") with { At = "image" }, "It is set by the HelmRelease kotkan/cms-plugins-staging in cluster armer (image), which is suspended: it will run this image when it is resumed." },
        { "imagepolicy", Origins.Live("kotkan", "ImagePolicy", "cms-plugins-staging"), "It is tracked by the ImagePolicy kotkan/cms-plugins-staging in cluster armer: Flux would roll it out." },
        { "workload", Origins.Live("kotkan", "Deployment", "web", "app"), "It is used by the Deployment kotkan/web in cluster armer (at app)." },
        { "retention", Origins.Rule("older than 14 days and not among the newest 5"), "Retention deletes it: older than 14 days and not among the newest 5." },
        { "same-manifest", new DerivedOrigin("production", Abc), $"It is another tag of the kept production ({Abc}): deleting it would free no byte and lose the name of that build." },
        { "artifact", new DerivedOrigin("v5", Abc), $"It is a signature, attestation or referrer of the kept v5 ({Abc})." },
        { "git", new GitOrigin("infra", "3f2a9c1d0e", "apps/api.yaml", 12, AtHead: false), "It is named at line 12 of apps/api.yaml in the git source infra, commit 3f2a9c1 (an earlier commit)." },
        { "rollback", new RollbackOrigin("armer", "kotkan", "Deployment", "api", new(2026, 11, 20, 23, 30, 0, TimeSpan.FromHours(-2)), 1), "It is a rollback target: the Deployment kotkan/api in cluster armer ran it until 2026-11-21, 1 deploy back." },

        // A cluster whose name the old pattern did not take apart (a space) was named by its raw text.
        { "workload", Origins.Live("kotkan", "Deployment", "web", "app", cluster: "prod eu"), "It is used by the Deployment kotkan/web in cluster prod eu (at app)." },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void SentenceOf_Reason_IsASentence(string kind, ReasonOrigin origin, string expected) =>
        ReasonSentence.Of(new ReasonEntry(kind, origin)).ShouldBe(expected);

    [Fact]
    public void Of_ReportWrittenBeforeOrigins_ShowsTheTextAsWritten()
    {
        // A stored report without `origin`: the detail is shown, never taken apart.
        var old = new ReasonEntry("workload", "armer/kotkan/Deployment/web/app", null);

        (ReasonText.Of(old), ReasonSource.Of(old)).ShouldBe(("used by armer/kotkan/Deployment/web/app", "workload"));
    }
}
