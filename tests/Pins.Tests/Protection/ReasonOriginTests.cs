namespace OciCleanup.Pins.Tests.Protection;

/// <summary>Each origin renders the report's detail itself, exactly as the report has always said it.</summary>
public class ReasonOriginTests
{
    private static readonly ClusterObjectOrigin Release = new("armer", "kotkan", "HelmRelease", "web");

    public static TheoryData<ReasonOrigin, string> Details => new()
    {
        { new PinsLineOrigin("/etc/registry-pins.txt", 3), "/etc/registry-pins.txt:3" },
        { new ClusterObjectOrigin("armer", "kotkan", "Deployment", "web", "app"), "armer/kotkan/Deployment/web/app" },
        { new ClusterObjectOrigin("armer", null, "Pod", "web"), "armer/-/Pod/web" },
        { Release with { At = "image" }, "armer/kotkan/HelmRelease/web (image)" },
        { Release with { At = "image.tag", Only = ImagePart.Tag }, "armer/kotkan/HelmRelease/web (image.tag: tag only)" },
        { Release with { At = "image", Only = ImagePart.Digest }, "armer/kotkan/HelmRelease/web (image: digest only)" },
        { new ClusterObjectOrigin("armer", "flux-system", "Kustomization", "apps") { At = "spec.images[0]", Suspended = true }, "armer/flux-system/Kustomization/apps (spec.images[0], suspended)" },
        { Release with { At = "image", UnconfiguredHost = "mirror.example" }, "armer/kotkan/HelmRelease/web (image) (by path on unconfigured host mirror.example)" },
        { Release with { At = "chart", Pick = new(["1.2.0"], "semver '>=1'") }, "armer/kotkan/HelmRelease/web (chart) (would pick 1.2.0 by semver '>=1')" },
        { Release with { Pick = new(["a", "b"], "numerical asc"), UnconfiguredHost = "mirror.example" }, "armer/kotkan/HelmRelease/web (would pick a, b by numerical asc, by path on unconfigured host mirror.example)" },
        { new GitOrigin("infra", "3f2a9c1d0e5b", "apps/api.yaml", 12, AtHead: true), "infra@3f2a9c1:apps/api.yaml:12" },
        { new RollbackOrigin("armer", "kotkan", "Deployment", "api", new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), 2), "ran as armer kotkan/Deployment/api until 2026-11-20, 2 deploys back" },
        { new RollbackOrigin("armer", "kotkan", "Deployment", "api", new(2026, 11, 20, 23, 0, 0, TimeSpan.FromHours(-3)), 1), "ran as armer kotkan/Deployment/api until 2026-11-21, 1 deploy back" },
        { new DerivedOrigin("v5", Digest.Parse("sha256:" + new string('b', 64))), "v5 (sha256:" + new string('b', 64) + ")" },
        { new RankOrigin(2, 10), "#2 of the newest 10 tagged" },
        { new RetentionOrigin("pushed within 14 days", AgeFromFirstSeen: true), "pushed within 14 days (age from when oci-cleanup first saw it: the registry gives no plausible creation time)" },
    };

    [Theory]
    [MemberData(nameof(Details))]
    public void Detail_EveryOrigin_IsTheReportText(ReasonOrigin origin, string expected) =>
        origin.Detail.ShouldBe(expected);

    [Fact]
    public void Place_ClusterObject_IsTheObjectWithoutWhatFollows()
    {
        // One reason per place and kind: where in the object and a policy's pick do not make another.
        var picked = Release with { At = "chart", Pick = new(["1.2.0"], "semver '>=1'") };

        (picked.Place, (Release with { At = "image" }).Place).ShouldBe(("armer/kotkan/HelmRelease/web", "armer/kotkan/HelmRelease/web"));
    }

    [Fact]
    public void Equals_SamePickTags_AreEqual() =>
        (Release with { Pick = new(["a"], "r") }).ShouldBe(Release with { Pick = new(["a"], "r") });

    [Fact]
    public void ProtectionReason_KindNotInTheList_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new ProtectionReason("pin-matches-nothing", new PinsLineOrigin("p", 1)));

    [Fact]
    public void All_ReasonKinds_AreTheDocumentedList() =>
        ReasonKind.All.ShouldBe([
            "pin", "workload", "replicaset-history", "helmrelease", "helmrelease-suspended", "imagepolicy", "kustomization", "flux-source", "git", "rollback",
            "index-child", "artifact", "same-manifest", "grace", "keep-tag", "keep-last", "keep-within", "remove-tag", "retention", "untagged",
        ]);
}
