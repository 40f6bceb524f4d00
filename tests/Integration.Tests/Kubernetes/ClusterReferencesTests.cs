namespace OciCleanup.Integration.Tests.Kubernetes;

/// <summary>Each kind of live reference protects its version, over real HTTP through a kubeconfig.</summary>
public sealed class ClusterReferencesTests(ClusterScanFixture scan) : IClassFixture<ClusterScanFixture>
{
    [Fact]
    public void Run_HealthyCluster_SucceedsAndReportsClusterSource()
    {
        scan.Result.ExitCode.ShouldBe(0, scan.Result.Stderr);
        var source = scan.Report.Source("cluster:armer");
        source.GetProperty("status").GetString().ShouldBe("ok");
        source.GetProperty("references").GetInt32().ShouldBeGreaterThan(20);
    }

    [Theory]
    [InlineData("app", "pod-spec", "workload", "armer/shop/Pod/web-7d9f8-abcde/web")]
    [InlineData("app", "init", "workload", "armer/shop/Pod/web-7d9f8-abcde/migrate")]
    [InlineData("app", "image-volume", "workload", "armer/shop/Pod/web-7d9f8-abcde/volume:assets")]
    [InlineData("app", "pulled", "workload", "armer/shop/Pod/web-7d9f8-abcde/web")]
    [InlineData("app", "deploy-zero", "workload", "armer/shop/Deployment/paused/paused")]
    [InlineData("app", "sts", "workload", "armer/shop/StatefulSet/db/db")]
    [InlineData("app", "ds", "workload", "armer/kube-system/DaemonSet/agent/agent")]
    [InlineData("app", "job", "workload", "armer/shop/Job/backfill/backfill")]
    [InlineData("app", "cron-suspended", "workload", "armer/shop/CronJob/nightly/nightly")]
    [InlineData("app", "rs-old", "replicaset-history", "armer/shop/ReplicaSet/web-5c4b3/web")]
    [InlineData("app", "rev-old", "replicaset-history", "armer/shop/ControllerRevision/db-6f5d4/db")]
    [InlineData("app", "hr-active", "helmrelease", "armer/shop/HelmRelease/shop (frontend.image)")]
    [InlineData("app", "hr-valuesfrom", "helmrelease", "armer/shop/HelmRelease/shop (worker.image)")]
    [InlineData("app", "hr-target", "helmrelease", "armer/shop/HelmRelease/shop (sidecar.image)")]
    [InlineData("app", "hr-postrenderer", "helmrelease", "armer/shop/HelmRelease/shop (postRenderers.kustomize.images)")]
    [InlineData("app", "hr-appversion", "helmrelease", "armer/shop/HelmRelease/shop (api.image)")]
    [InlineData("app", "hr-secret", "helmrelease", "armer/shop/Secret/sh.helm.release.v1.shop.v3 (Deployment/shop/shop)")]
    [InlineData("app", "hr-secret-old", "replicaset-history", "armer/shop/Secret/sh.helm.release.v1.shop.v2 (Deployment/shop/shop)")]
    [InlineData("charts/podinfo", "6.5.0_build1", "helmrelease", "armer/shop/HelmRelease/shop (chart)")]
    [InlineData("charts/podinfo", "6.4.0", "helmrelease", "armer/shop/HelmRelease/shop (chart)")]
    [InlineData("manifests", "1.2.3", "flux-source", "armer/flux-system/OCIRepository/app-manifests (spec.ref.tag)")]
    [InlineData("cms-plugins", "staging", "helmrelease-suspended", "armer/kotkan/HelmRelease/cms-plugins-staging (image)")]
    [InlineData("cms-plugins", "production", "helmrelease-suspended", "armer/kotkan/HelmRelease/cms-plugins-production (image)")]
    [InlineData("cms-plugins", "staging", "imagepolicy", "armer/kotkan/ImagePolicy/cms-plugins-staging")]
    [InlineData("cms-plugins", "production", "imagepolicy", "armer/kotkan/ImagePolicy/cms-plugins-production")]
    public void Run_ReferenceKind_ProtectsItsVersion(string package, string version, string kind, string detail)
    {
        var decision = scan.Report.Decision(package, version);

        decision.GetProperty("action").GetString().ShouldBe("keep");
        var reasons = decision.GetProperty("reasons").EnumerateArray().Select(r => (r.GetProperty("kind").GetString(), r.GetProperty("detail").GetString())).ToList();
        // The detail starts with where the reference was seen; a policy adds what it would pick.
        reasons.ShouldContain(r => r.Item1 == kind && r.Item2!.StartsWith(detail, StringComparison.Ordinal), $"{string.Join("; ", reasons)}");
    }

    [Theory]
    [InlineData("app", "unreferenced-1")]
    [InlineData("app", "moved-on")]
    [InlineData("cms-plugins", "0.1.39")]
    [InlineData("charts/podinfo", "6.3.0")]
    [InlineData("manifests", "1.2.2")]
    public void Run_UnreferencedVersion_IsPlannedForDeletion(string package, string version)
    {
        scan.Report.Action(package, version).ShouldBe("delete");
    }

    [Fact]
    public void Run_Seed003WithoutPins_SuspendedReleaseAndImagePolicyKeepFloatingTags()
    {
        scan.Report.ReasonKinds("cms-plugins", "staging").ShouldBe(["helmrelease-suspended", "imagepolicy"], ignoreOrder: true);
        scan.Report.ReasonKinds("cms-plugins", "production").ShouldBe(["helmrelease-suspended", "imagepolicy"], ignoreOrder: true);
        // The digest Flux resolved staging to is protected wherever it is held (SPEC §5): the same
        // build's 0.1.40 and staging-latest; the older build of 0.1.39 is not.
        scan.Report.ReasonKinds("cms-plugins", "0.1.40").ShouldBe(["imagepolicy"]);
        scan.Report.ReasonKinds("cms-plugins", "staging-latest").ShouldBe(["imagepolicy"]);
        scan.Report.Action("cms-plugins", "0.1.39").ShouldBe("delete");
    }

    [Fact]
    public void Run_ClusterLists_NeverAskForCachedResourceVersionZero()
    {
        var lists = scan.Fleet.Cluster.Requests.Where(r => r.Path.EndsWith('s') && !r.Path.Contains("/namespaces/", StringComparison.Ordinal)).ToList();
        lists.ShouldNotBeEmpty();
        lists.ShouldAllBe(r => !r.Query.Contains("resourceVersion", StringComparison.Ordinal));
        lists.Where(r => r.Path != "/apis").ShouldAllBe(r => r.Query.Contains("limit=", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_HelmSecrets_ReadByNameNotListed()
    {
        scan.Fleet.Cluster.Requests.ShouldNotContain(r => r.Path == "/api/v1/secrets");
        scan.Fleet.Cluster.Requests.ShouldContain(r => r.Path == "/api/v1/namespaces/shop/secrets/sh.helm.release.v1.shop.v3");
    }
}
