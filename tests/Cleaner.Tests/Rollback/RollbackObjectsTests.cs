using OciCleanup.Cleaner.Rollback;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Tests.Rollback;

public sealed class RollbackObjectsTests
{
    [Theory]
    [InlineData("workload", "armer/kotkan/Deployment/api/api", "armer kotkan/Deployment/api")]
    [InlineData("workload", "armer/-/Node/n1", "armer -/Node/n1")]
    [InlineData("helmrelease", "armer/shop/HelmRelease/shop (spec.values.image)", "armer shop/HelmRelease/shop")]
    [InlineData("helmrelease", "armer/shop/Secret/sh.helm.release.v1.shop.v12/shop", "armer shop/HelmRelease/shop")]
    [InlineData("workload", "armer/kotkan/ReplicaSet/api-5d9f/api", null)]
    [InlineData("workload", "armer/kotkan/Pod/api-5d9f-x1/api", null)]
    [InlineData("helmrelease", "armer/shop/Secret/other-secret", null)]
    [InlineData("pin", "/etc/registry-pins.txt:3", null)]
    public void KeyOf_Provenance_NamesTheObjectThatDeploys(string kind, string detail, string? expected) =>
        Assert.Equal(expected, RollbackObjects.KeyOf(new ProtectionReason(kind, detail))?.ToString());
}
