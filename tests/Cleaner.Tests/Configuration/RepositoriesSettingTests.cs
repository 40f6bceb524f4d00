namespace OciCleanup.Cleaner.Tests.Configuration;

public class RepositoriesSettingTests
{
    private const string File = "/etc/oci-cleanup/config.yaml";

    private static string Oci(string repositories) =>
        $"registries:\n  - name: hub\n    kind: oci\n    url: https://registry-1.docker.io\n    repositories:\n{repositories}";

    [Fact]
    public void Parse_Names_AreTheRepositoriesToListWithNoFilters()
    {
        var registry = ConfigLoader.Parse(File, Oci("      names: [team/app, team/worker]\n")).Registries[0];

        registry.RepositoryNames.ShouldBe(["team/app", "team/worker"]);
        registry.IncludeRepositories.ShouldBeEmpty();
        registry.ExcludeRepositories.ShouldBeEmpty();
    }

    [Fact]
    public void Parse_NoRepositories_NoNamesSoTheCatalogIsListed() =>
        ConfigLoader.Parse(File, Oci("      include: ['team/*']\n")).Registries[0].RepositoryNames.ShouldBeEmpty();

    [Theory]
    [InlineData("      names: [team/app]\n      include: ['team/*']\n", "give names, or include/exclude, not both")]
    [InlineData("      exclude: ['team/tmp-*']\n      names: [team/app]\n", "give names, or include/exclude, not both")]
    [InlineData("      names: [team/app, Team/App]\n", "'team/app' is named twice")]
    [InlineData("      names: ['']\n", "a repository name is empty")]
    public void Parse_BadNames_NamesFileLineAndKeyPath(string repositories, string problem)
    {
        var yaml = Oci(repositories);
        var line = Array.FindIndex(yaml.Split('\n'), l => l.TrimStart().StartsWith("names:", StringComparison.Ordinal)) + 1;

        var error = Should.Throw<ConfigException>(() => ConfigLoader.Parse(File, yaml));

        error.Message.ShouldStartWith($"{File}:{line}: registries[0].repositories.names: ");
        error.Message.ShouldContain(problem);
    }

    [Fact]
    public void Parse_UnknownKind_NamesEveryRegisteredKind()
    {
        var error = Should.Throw<ConfigException>(() => ConfigLoader.Parse(File, "registries:\n  - name: a\n    kind: harbor\n    url: https://x\n"));

        error.Message.ShouldContain("not 'harbor'");
        foreach (var kind in OciCleanup.Cleaner.Inventory.RegistryKinds.All)
        {
            error.Message.ShouldContain(kind.Name);
        }
    }
}
