using OciCleanup.Cleaner.Commands;

namespace OciCleanup.Cleaner.Tests.Commands;

public class ExplainQueryTests
{
    private static readonly ImmutableArray<RegistryConfig> Registries =
    [
        new("main", RegistryKind.Gitea, new Uri("https://git.oleks.space"), null, null, ["oleks"], ["container"], ["registry.lan:5000"], [], []),
        new("lan", RegistryKind.Oci, new Uri("http://10.0.0.5:5000"), null, null, [], ["container"], [], [], []),
    ];

    [Theory]
    [InlineData("git.oleks.space/oleks/cms-plugins:staging", "oleks:container/cms-plugins==staging", "main")]
    [InlineData("GIT.OLEKS.SPACE/oleks/cms-plugins", "oleks:container/cms-plugins==latest", "main")]
    [InlineData("registry.lan:5000/anton/tools/builder:1.2", "anton:container/tools/builder==1.2", "main")]
    [InlineData("git.oleks.space/oleks/app:1.0@sha256:0000000000000000000000000000000000000000000000000000000000000001", "oleks:container/app@sha256:0000000000000000000000000000000000000000000000000000000000000001", "main")]
    [InlineData("10.0.0.5:5000/team/app:stable", "container/team/app==stable", "lan")]
    public void FromImage_ConfiguredHost_IsThePinOfThatRegistry(string image, string pin, string registry)
    {
        ExplainQuery.IsImage(image).ShouldBeTrue();

        ExplainQuery.FromImage(image, Registries).ShouldBe(new ExplainQuery.Mapped(pin, registry, null));
    }

    [Fact]
    public void FromImage_UnconfiguredHost_NamesTheConfiguredHosts()
    {
        ExplainQuery.FromImage("ghcr.io/oleks/cms-plugins:staging", Registries).Error.ShouldBe(
            "REF: ghcr.io/oleks/cms-plugins:staging is an image on ghcr.io, which no configured registry serves "
            + "(configured hosts: git.oleks.space, registry.lan:5000, 10.0.0.5:5000); give an image on one of those hosts, or a pin [OWNER:]TYPE/NAME==VERSION");
    }

    [Fact]
    public void FromImage_GiteaImageWithoutOwner_SaysTheShape()
    {
        ExplainQuery.FromImage("git.oleks.space/cms-plugins:staging", Registries).Error.ShouldBe(
            "REF: git.oleks.space/cms-plugins:staging names no owner; images on git.oleks.space (registry main) are git.oleks.space/OWNER/NAME");
    }

    [Theory]
    [InlineData("container/cms-plugins==staging")]
    [InlineData("oleks:container/cms-plugins==0.1.1")]
    public void IsImage_Pin_IsFalse(string pin)
    {
        ExplainQuery.IsImage(pin).ShouldBeFalse();
    }
}
