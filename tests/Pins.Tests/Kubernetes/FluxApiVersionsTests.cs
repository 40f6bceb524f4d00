using k8s.Models;

namespace OciCleanup.Pins.Tests.Kubernetes;

public class FluxApiVersionsTests
{
    // A discovery answer serving each group in the given comma-separated versions.
    private static V1APIGroupList Discovery(params (string Group, string Versions)[] groups) => new()
    {
        Groups = [.. groups.Where(g => g.Versions.Length > 0).Select(g => new V1APIGroup
        {
            Name = g.Group,
            Versions = [.. g.Versions.Split(',').Select(v => new V1GroupVersionForDiscovery { GroupVersion = $"{g.Group}/{v}", Version = v })],
        })],
    };

    private static FluxApiGroup Discover(string group, string served) =>
        FluxApiVersions.From(Discovery(("apps", "v1"), (group, served))).All.Single(g => g.Name == group);

    [Theory]
    [InlineData("helm.toolkit.fluxcd.io", "v2", "v2")]
    [InlineData("helm.toolkit.fluxcd.io", "v2beta2,v2", "v2")]
    [InlineData("helm.toolkit.fluxcd.io", "v2beta1,v2beta2", "v2beta2")]
    [InlineData("helm.toolkit.fluxcd.io", "v2,v3", "v2")]
    [InlineData("image.toolkit.fluxcd.io", "v1beta2,v1", "v1")]
    [InlineData("image.toolkit.fluxcd.io", "v1beta2", "v1beta2")]
    [InlineData("source.toolkit.fluxcd.io", "v1beta2,v1", "v1")]
    [InlineData("kustomize.toolkit.fluxcd.io", "v1", "v1")]
    public void From_ServesAKnownVersion_PicksTheBestKnown(string group, string served, string picked)
    {
        var flux = Discover(group, served);

        flux.Version.ShouldBe(picked);
        flux.IsServed.ShouldBeTrue();
        flux.Unreadable.ShouldBeNull();
    }

    [Theory]
    [InlineData("helm.toolkit.fluxcd.io", "v3")]
    [InlineData("helm.toolkit.fluxcd.io", "v3,v4alpha1")]
    [InlineData("helm.toolkit.fluxcd.io", "v1")]
    [InlineData("image.toolkit.fluxcd.io", "v2")]
    [InlineData("image.toolkit.fluxcd.io", "v1beta1")]
    [InlineData("source.toolkit.fluxcd.io", "v2")]
    [InlineData("kustomize.toolkit.fluxcd.io", "v2")]
    public void From_ServesOnlyUnknownVersions_UnreadableNamingGroupAndVersions(string group, string served)
    {
        var flux = Discover(group, served);

        flux.Version.ShouldBeNull();
        flux.IsServed.ShouldBeTrue();
        flux.Unreadable.ShouldNotBeNull();
        flux.Unreadable.ShouldStartWith($"{group} is served only in {served.Replace(",", ", ", StringComparison.Ordinal)},");
    }

    [Fact]
    public void From_GroupAbsentFromDiscovery_NotServedAndNotAFailure()
    {
        var flux = Discover("helm.toolkit.fluxcd.io", "");

        flux.IsServed.ShouldBeFalse();
        flux.Version.ShouldBeNull();
        flux.Unreadable.ShouldBeNull();
    }

    [Fact]
    public void ServedGroups_EveryFluxGroupServedInAnyVersion_NamedReadableOrNot()
    {
        var groups = Discovery(("apps", "v1"), ("helm.toolkit.fluxcd.io", "v3"), ("kustomize.toolkit.fluxcd.io", "v1"), ("source.toolkit.fluxcd.io", "v1"));

        FluxApiVersions.From(groups).ServedGroups.ShouldBe(["source.toolkit.fluxcd.io", "helm.toolkit.fluxcd.io", "kustomize.toolkit.fluxcd.io"]);
    }
}
