namespace OciCleanup.Cleaner.Tests.Inventory;

public class RegistryTraitsTests
{
    [Theory]
    [InlineData("oleks/cms-plugins", "oleks", "cms-plugins")]
    [InlineData("oleks/team/app", "oleks", "team/app")]
    [InlineData("cms-plugins", "", "cms-plugins")]
    public void KeyOf_GiteaImagePath_FirstSegmentIsTheOwnerTheRestTheName(string path, string owner, string name) =>
        RegistryKinds.TraitsOf(Some.Gitea()).KeyOf("main", path).ShouldBe(new PackageKey("main", owner, "container", name));

    [Theory]
    [InlineData("team/app")]
    [InlineData("app")]
    [InlineData("a/b/c")]
    public void KeyOf_OciImagePath_IsTheRepositoryWithNoOwner(string path) =>
        RegistryKinds.TraitsOf(Some.Oci()).KeyOf("lan", path).ShouldBe(new PackageKey("lan", null, "container", path));

    [Theory]
    [InlineData("oleks/cms-plugins", true)]
    [InlineData("OLEKS/cms-plugins", true)]
    [InlineData("anton/cms-plugins", false)]
    [InlineData("cms-plugins", false)]
    public void Lists_Gitea_ImagesOfItsOwners(string path, bool listed) =>
        RegistryKinds.TraitsOf(Some.Gitea()).Lists(Some.Gitea())(path).ShouldBe(listed);

    [Fact]
    public void Lists_GiteaWithoutTheContainerType_NoImage()
    {
        var config = Some.Gitea() with { Types = ["npm"] };

        RegistryKinds.TraitsOf(config).Lists(config)("oleks/cms-plugins").ShouldBeFalse();
    }

    [Theory]
    [InlineData("team/app", true)]
    [InlineData("team/tmp-app", false)]
    [InlineData("other/app", false)]
    public void Lists_OciWithFilters_WhatIncludeAdmitsAndExcludeDoesNot(string path, bool listed)
    {
        var config = Some.Oci() with { IncludeRepositories = ["team/*"], ExcludeRepositories = ["team/tmp-*"] };

        RegistryKinds.TraitsOf(config).Lists(config)(path).ShouldBe(listed);
    }

    [Theory]
    [InlineData("team/app", true)]
    [InlineData("Team/App", true)]
    [InlineData("team/worker", false)]
    public void Lists_OciWithNames_ExactlyThoseRepositories(string path, bool listed)
    {
        var config = Some.Oci() with { RepositoryNames = ["team/app", "other/thing"] };

        RegistryKinds.TraitsOf(config).Lists(config)(path).ShouldBe(listed);
    }

    [Fact]
    public void Traits_OfAnyRegistryObject_AreItsKinds()
    {
        IRegistry registry = new MemoryRegistry(Some.Oci());

        registry.Traits.ShouldBe(RegistryKinds.Of(RegistryKind.Oci).Traits);
    }
}
