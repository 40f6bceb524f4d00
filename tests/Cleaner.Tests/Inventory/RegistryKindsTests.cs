using Microsoft.Extensions.Logging.Abstractions;

namespace OciCleanup.Cleaner.Tests.Inventory;

public class RegistryKindsTests
{
    [Theory]
    [InlineData("gitea", "gitea")]
    [InlineData("forgejo", "gitea")]
    [InlineData("oci", "oci")]
    public void Find_NameOrAlias_ReturnsTheKindByItsCanonicalName(string name, string canonical) =>
        RegistryKinds.Find(name)!.Name.ShouldBe(canonical);

    [Theory]
    [InlineData("harbor")]
    [InlineData("Gitea")]
    [InlineData("")]
    public void Find_UnregisteredName_ReturnsNull(string name) =>
        RegistryKinds.Find(name).ShouldBeNull();

    [Fact]
    public void Names_EveryNameAndAlias_IsUniqueAcrossKinds() =>
        RegistryKinds.Names.ShouldBeUnique();

    [Fact]
    public void Of_UnregisteredKind_ThrowsNamingIt() =>
        Should.Throw<InvalidOperationException>(() => RegistryKinds.Of("harbor")).Message.ShouldContain("'harbor'");

    [Fact]
    public void TraitsOf_Gitea_DeletesOneVersionListsEveryManifestAndComparesCreationTimes()
    {
        var traits = RegistryKinds.TraitsOf(Some.Gitea());

        traits.Deletes.ShouldBe(DeleteGranularity.Version);
        traits.DeletesByDigest.ShouldBeFalse();
        traits.ListsEveryManifest.ShouldBeTrue();
        traits.RereadComparesCreated.ShouldBeTrue();
        traits.NeedsOwners.ShouldBeTrue();
    }

    [Fact]
    public void TraitsOf_Oci_DeletesAWholeManifestListsTagsOnlyAndTrustsTheDigest()
    {
        var traits = RegistryKinds.TraitsOf(Some.Oci());

        traits.Deletes.ShouldBe(DeleteGranularity.Manifest);
        traits.DeletesByDigest.ShouldBeTrue();
        traits.ListsEveryManifest.ShouldBeFalse();
        traits.RereadComparesCreated.ShouldBeFalse();
        traits.NeedsOwners.ShouldBeFalse();
    }

    [Fact]
    public void Create_EachRegisteredKind_BuildsItsRegistryWithItsTraits()
    {
        var gitea = RegistryFactory.Create(Some.Gitea(), NullLoggerFactory.Instance, TimeProvider.System);
        var oci = RegistryFactory.Create(Some.Oci(), NullLoggerFactory.Instance, TimeProvider.System);

        gitea.ShouldBeOfType<GiteaRegistry>();
        gitea.Traits.ShouldBe(GiteaKind.Entry.Traits);
        oci.ShouldBeOfType<OciRegistry>();
        oci.Traits.ShouldBe(OciKind.Entry.Traits);
    }

    [Fact]
    public void Create_UnreadableCredential_IsAnUnavailableRegistryOfTheSameKind()
    {
        var config = Some.Oci() with { BasicAuth = new CredentialSource("/nonexistent/oci-cleanup-basic-auth", null) };

        var registry = RegistryFactory.Create(config, NullLoggerFactory.Instance, TimeProvider.System);

        registry.ShouldBeOfType<UnavailableRegistry>();
        registry.Traits.DeletesByDigest.ShouldBeTrue();
    }
}
