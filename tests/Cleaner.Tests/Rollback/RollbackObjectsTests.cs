using OciCleanup.Cleaner.Rollback;

namespace OciCleanup.Cleaner.Tests.Rollback;

public sealed class RollbackObjectsTests
{
    public static TheoryData<ReasonOrigin, string?> Origins => new()
    {
        { new ClusterObjectOrigin("armer", "kotkan", "Deployment", "api", "api"), "armer kotkan/Deployment/api" },
        { new ClusterObjectOrigin("armer", null, "Node", "n1"), "armer -/Node/n1" },
        { new ClusterObjectOrigin("armer", "shop", "HelmRelease", "shop") { At = "image" }, "armer shop/HelmRelease/shop" },
        { new ClusterObjectOrigin("armer", "shop", "Secret", "sh.helm.release.v1.shop.v12", "shop"), "armer shop/HelmRelease/shop" },
        { new ClusterObjectOrigin("armer", "kotkan", "ReplicaSet", "api-5d9f", "api"), null },
        { new ClusterObjectOrigin("armer", "kotkan", "Pod", "api-5d9f-x1", "api"), null },
        { new ClusterObjectOrigin("armer", "shop", "Secret", "other-secret"), null },
        { new PinsLineOrigin("/etc/registry-pins.txt", 3), null },
        { new GitOrigin("infra", "3f2a9c1", "apps/api.yaml", 12, AtHead: true), "git:infra -/File/apps/api.yaml" },
        { new GitOrigin("infra", "1a2b3c4", "apps/api.yaml", 12, AtHead: false), null },
    };

    [Theory]
    [MemberData(nameof(Origins))]
    public void KeyOf_Origin_NamesTheObjectThatDeploys(ReasonOrigin origin, string? expected) =>
        Assert.Equal(expected, RollbackObjects.KeyOf(new ProtectionReason(ReasonKind.Workload, origin))?.ToString());
}
