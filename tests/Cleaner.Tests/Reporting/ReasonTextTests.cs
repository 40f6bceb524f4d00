using OciCleanup.Cleaner.Reporting;

namespace OciCleanup.Cleaner.Tests.Reporting;

public class ReasonTextTests
{
    [Theory]
    [InlineData("pin", "/etc/registry-pins.txt:3", "pinned by /etc/registry-pins.txt:3")]
    [InlineData("workload", "armer/kotkan/Deployment/cms-plugins-staging/app", "used by Deployment kotkan/cms-plugins-staging in armer, app")]
    [InlineData("replicaset-history", "armer/web/ReplicaSet/web-6d4f", "rollback target of ReplicaSet web/web-6d4f in armer")]
    [InlineData("helmrelease", "armer/kotkan/HelmRelease/cms (image)", "set by HelmRelease kotkan/cms in armer (image)")]
    [InlineData("helmrelease-suspended", "armer/kotkan/HelmRelease/cms-plugins-staging (image)", "set by suspended HelmRelease kotkan/cms-plugins-staging in armer (image), runs when resumed")]
    [InlineData("imagepolicy", "armer/kotkan/ImagePolicy/cms-plugins-staging (^staging$)", "tracked by ImagePolicy kotkan/cms-plugins-staging in armer (^staging$)")]
    [InlineData("kustomization", "armer/flux-system/Kustomization/apps", "set by Kustomization flux-system/apps in armer")]
    [InlineData("flux-source", "armer/flux-system/OCIRepository/manifests (spec.ref.semver)", "pulled by OCIRepository flux-system/manifests in armer (spec.ref.semver)")]
    [InlineData("index-child", "v5 (sha256:abc)", "needed by kept index v5 (sha256:abc)")]
    [InlineData("artifact", "v5 (sha256:abc)", "signature/attestation of kept v5 (sha256:abc)")]
    [InlineData("same-manifest", "production (sha256:abc)", "same manifest as kept production (sha256:abc)")]
    [InlineData("keep-last", "#2 of the newest 10 tagged", "newest 10 (#2)")]
    [InlineData("keep-within", "pushed within 14 days", "pushed within 14 days")]
    [InlineData("keep-tag", "^latest$", "tag matches keepTags ^latest$")]
    [InlineData("grace", "younger than minAgeHours 6", "too new to delete (younger than minAgeHours 6)")]
    [InlineData("remove-tag", "^pr-", "tag matches removeTags ^pr-")]
    [InlineData("retention", "older than 14 days and not among the newest 10", "retention: older than 14 days and not among the newest 10")]
    [InlineData("untagged", "untagged, no kept index needs it, older than 2 days", "untagged, no kept index needs it, older than 2 days")]
    public void Of_EveryReasonKind_IsWords(string kind, string detail, string expected) =>
        ReasonText.Of(new ReasonEntry(kind, detail)).ShouldBe(expected);

    [Theory]
    [InlineData("pin", "/etc/registry-pins.txt:3", "pins:/etc/registry-pins.txt")]
    [InlineData("workload", "armer/kotkan/Deployment/web/app", "cluster:armer")]
    [InlineData("imagepolicy", "prod/flux/ImagePolicy/web", "cluster:prod")]
    [InlineData("index-child", "v5 (sha256:abc)", "index")]
    [InlineData("artifact", "v5 (sha256:abc)", "manifest")]
    [InlineData("same-manifest", "production (sha256:abc)", "manifest")]
    [InlineData("retention", "older than 14 days", "retention")]
    [InlineData("keep-last", "#1 of the newest 10 tagged", "retention")]
    public void SourceOf_Reason_NamesTheReportSource(string kind, string detail, string expected) =>
        ReasonSource.Of(new ReasonEntry(kind, detail)).ShouldBe(expected);

    [Theory]
    [InlineData("pin", "/etc/registry-pins.txt:3", "It is pinned by line 3 of the pins file /etc/registry-pins.txt.")]
    [InlineData("helmrelease-suspended", "armer/kotkan/HelmRelease/cms-plugins-staging (image)", "It is set by the HelmRelease kotkan/cms-plugins-staging in cluster armer (image), which is suspended: it will run this image when it is resumed.")]
    [InlineData("imagepolicy", "armer/kotkan/ImagePolicy/cms-plugins-staging", "It is tracked by the ImagePolicy kotkan/cms-plugins-staging in cluster armer: Flux would roll it out.")]
    [InlineData("workload", "armer/kotkan/Deployment/web/app", "It is used by the Deployment kotkan/web in cluster armer (at app).")]
    [InlineData("retention", "older than 14 days and not among the newest 5", "Retention deletes it: older than 14 days and not among the newest 5.")]
    [InlineData("same-manifest", "production (sha256:abc)", "It is another tag of the kept production (sha256:abc): deleting it would free no byte and lose the name of that build.")]
    [InlineData("artifact", "v5 (sha256:abc)", "It is a signature, attestation or referrer of the kept v5 (sha256:abc).")]
    public void SentenceOf_Reason_IsASentence(string kind, string detail, string expected) =>
        ReasonSentence.Of(new ReasonEntry(kind, detail)).ShouldBe(expected);
}
