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

    // Gitea deletes one version, lists every manifest and compares creation times on a re-read;
    // OCI deletes a whole manifest (every tag on it), lists tags only and trusts the digest.
    [Theory]
    [InlineData("gitea", "Version", true, true, true)]
    [InlineData("oci", "Manifest", false, false, false)]
    public void TraitsOf_Kind_HowItDeletesListsAndRereads(string kind, string deletes, bool listsEveryManifest, bool rereadComparesCreated, bool needsOwners)
    {
        var traits = RegistryKinds.TraitsOf(kind == "gitea" ? Some.Gitea() : Some.Oci());

        traits.Deletes.ToString().ShouldBe(deletes);
        traits.DeletesByDigest.ShouldBe(deletes == "Manifest");
        traits.ListsEveryManifest.ShouldBe(listsEveryManifest);
        traits.RereadComparesCreated.ShouldBe(rereadComparesCreated);
        traits.NeedsOwners.ShouldBe(needsOwners);
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
