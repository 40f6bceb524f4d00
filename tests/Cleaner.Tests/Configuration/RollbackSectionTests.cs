namespace OciCleanup.Cleaner.Tests.Configuration;

public class RollbackSectionTests
{
    private const string Path = "/etc/oci-cleanup/config.yaml";

    [Theory]
    [InlineData("mode: dry-run\n", 3, 30)]
    [InlineData("references: {}\n", 3, 30)]
    [InlineData("references: {rollback: {}}\n", 3, 30)]
    [InlineData("references: {rollback: {keep: 0}}\n", 0, 30)]
    [InlineData("references: {workloads: true, rollback: {keep: 5, days: 90}}\n", 5, 90)]
    public void Parse_Rollback_KeepAndDaysWithDefaults(string yaml, int keep, int days) =>
        ConfigLoader.Parse(Path, yaml).Rollback.ShouldBe(new RollbackConfig(keep, days));

    [Theory]
    [InlineData("references: {rollback: {keep: -1}}\n", "references.rollback.keep")]
    [InlineData("references: {rollback: {keep: 51}}\n", "references.rollback.keep")]
    [InlineData("references: {rollback: {days: 0}}\n", "references.rollback.days")]
    [InlineData("references: {rollback: {kept: 3}}\n", "references.rollback.kept")]
    public void Parse_RollbackOutOfBoundsOrUnknown_NamesTheKey(string yaml, string key) =>
        Should.Throw<ConfigException>(() => ConfigLoader.Parse(Path, yaml)).Message.ShouldContain(key);
}
