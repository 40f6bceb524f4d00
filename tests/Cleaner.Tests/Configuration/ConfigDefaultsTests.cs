using OciCleanup.Pins.Kubernetes;

namespace OciCleanup.Cleaner.Tests.Configuration;

/// <summary>Each default is written once, beside its option: a missing section, an empty one and the option type's own default agree.</summary>
public class ConfigDefaultsTests
{
    private const string Path = "/etc/oci-cleanup/config.yaml";

    [Theory]
    [InlineData("mode: dry-run\n")]
    [InlineData("safety: {}\nreport: {}\ndaemon: {}\nreferences: {}\n")]
    public void Parse_SectionsMissingOrEmpty_GetTheOptionTypesDefaults(string yaml)
    {
        var config = ConfigLoader.Parse(Path, yaml);

        config.Safety.ShouldBe(new SafetyConfig());
        config.Report.ShouldBe(new ReportConfig());
        config.Daemon.ShouldBe(new DaemonConfig());
        config.References.ShouldBe(new ReferenceKinds());
        config.UnknownHosts.ShouldBe(UnknownHosts.Protect);
        config.Schedule.ShouldBe(CleanerConfig.DefaultSchedule);
        config.Retention.Default.ShouldBe(RetentionPolicy.Default);
    }

    [Fact]
    public void Parse_RegistryWithoutTypes_GetsDefaultTypes()
    {
        var config = ConfigLoader.Parse(Path, "registries:\n  - name: hub\n    kind: oci\n    url: https://registry.lan\n");

        config.Registries.ShouldHaveSingleItem().Types.ShouldBe(RegistryConfig.DefaultTypes);
    }

    [Theory]
    [InlineData("planMaxAgeHours: 0")]
    [InlineData("planMaxAgeHours: 8761")]
    public void Parse_PlanMaxAgeOutOfBounds_NamesTheBoundsBesideTheOption(string line)
    {
        var error = Should.Throw<ConfigException>(() => ConfigLoader.Parse(Path, $"safety:\n  {line}\n"));

        error.Message.ShouldContain($"safety.planMaxAgeHours: must be a whole number from {SafetyConfig.MinPlanMaxAgeHours} to {SafetyConfig.MaxPlanMaxAgeHours}");
    }
}
