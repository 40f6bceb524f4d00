namespace OciCleanup.Pins.Tests.DesiredState;

public class HelmChartTagsTests
{
    private static readonly string[] Tags = ["0.1.10", "0.1.12", "0.2.0-rc.1", "0.2.0", "1.0.0_build.7", "v1.1.0", "1.1", "latest"];

    [Theory]
    [InlineData(">=0.1.0 <0.2.0", "0.1.12")]
    [InlineData("~0.1", "0.1.12")]
    [InlineData("0.1.x", "0.1.12")]
    [InlineData("*", "1.0.0_build.7")]
    // an empty version is "*": the highest release, never a prerelease
    [InlineData("", "1.0.0_build.7")]
    [InlineData("^0.2.0-0", "0.2.0")]
    // "0.1" does not parse as a version (two parts), so it is the range ~0.1
    [InlineData("0.1", "0.1.12")]
    public void Pick_Range_HighestStrictChartVersion(string version, string expected) =>
        new HelmChartTags(version).Pick(Tags).Tags.ShouldBe([expected]);

    [Theory]
    [InlineData("0.1.10", "0.1.10")]
    [InlineData("1.0.0+build.7", "1.0.0_build.7")]
    public void Pick_Version_ThatTagItself(string version, string expected) =>
        new HelmChartTags(version).Pick(Tags).Tags.ShouldBe([expected]);

    [Fact]
    public void Pick_VersionNotInRegistry_WarnsWithTheTag()
    {
        var pick = new HelmChartTags("9.9.9").Pick(Tags);

        pick.Tags.ShouldBeEmpty();
        pick.Warnings.ShouldHaveSingleItem().ShouldContain("9.9.9");
    }

    [Fact]
    public void Pick_BadRange_WarnsInsteadOfThrowing()
    {
        var pick = new HelmChartTags(">= foo").Pick(Tags);

        pick.Tags.ShouldBeEmpty();
        pick.Warnings.ShouldHaveSingleItem().ShouldContain(">= foo");
    }

    [Fact]
    public void Pick_HelmListsOnlyStrictTags_VPrefixedTagIsNoCandidate() =>
        new HelmChartTags(">=1.0.5").Pick(Tags).Tags.ShouldBeEmpty();
}
