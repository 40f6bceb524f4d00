namespace OciCleanup.Pins.Tests.DesiredState;

public class OciRepositoryTagsTests
{
    private static readonly string[] Charts = ["6.1.9", "6.2.0", "6.2.7", "6.3.0", "6.5.1", "6.5.12", "1.4.0", "1.4.9", "1.5.0", "latest"];

    [Theory]
    [InlineData(">=6.2.0 <6.3.0", "6.2.7")]
    [InlineData("~1.4", "1.4.9")]
    [InlineData("6.5.x", "6.5.12")]
    [InlineData("*", "6.5.12")]
    public void Pick_RefSemver_HighestInRange(string range, string expected)
    {
        OciRepositoryTags.TryRead(Source($$"""{"semver":"{{range}}"}"""), out var tags, out var error).ShouldBeTrue(error);

        tags.Pick(Charts).Tags.ShouldBe([expected]);
    }

    [Fact]
    public void Pick_SemverFilter_OnlyTagsItMatchesAnywhere()
    {
        OciRepositoryTags.TryRead(Source("""{"semver":">=1.0.0-0","semverFilter":"-rc"}"""), out var tags, out _).ShouldBeTrue();

        tags.Pick(["1.0.0", "1.1.0-rc.1", "1.2.0-rc.2", "1.3.0"]).Tags.ShouldBe(["1.2.0-rc.2"]);
    }

    [Fact]
    public void Pick_HelmChartLayer_UnderscoreIsPlus()
    {
        OciRepositoryTags.TryRead(Source("""{"semver":"=1.0.0"}""", OciRepositoryTags.HelmChartLayerMediaType), out var tags, out _).ShouldBeTrue();

        var pick = tags.Pick(["1.0.0_build.1", "1.0.0_build.2", "0.9.0"]);

        pick.Tags.ShouldBe(["1.0.0_build.1", "1.0.0_build.2"], ignoreOrder: true);
        pick.Warnings.ShouldHaveSingleItem().ShouldContain("listing order");
    }

    [Fact]
    public void Pick_NotAChartLayer_UnderscoreTagsAreNotVersions()
    {
        OciRepositoryTags.TryRead(Source("""{"semver":"*"}"""), out var tags, out _).ShouldBeTrue();

        tags.Pick(["1.0.0_build.1", "0.9.0"]).Tags.ShouldBe(["0.9.0"]);
    }

    [Theory]
    // digest wins over semver; a tag alone or no ref is not a range to evaluate
    [InlineData("""{"digest":"sha256:0000000000000000000000000000000000000000000000000000000000000000","semver":">=1.0.0"}""")]
    [InlineData("""{"tag":"6.2.0"}""")]
    [InlineData("""{}""")]
    public void TryRead_RefIsNotSemver_NothingToEvaluate(string reference)
    {
        OciRepositoryTags.TryRead(Source(reference), out var tags, out var error).ShouldBeFalse();

        tags.ShouldBeNull();
        error.ShouldBeEmpty();
    }

    [Fact]
    public void TryRead_SemverOverTag_SemverDecides()
    {
        OciRepositoryTags.TryRead(Source("""{"semver":"~1.4","tag":"latest"}"""), out var tags, out _).ShouldBeTrue();

        tags.Pick(Charts).Tags.ShouldBe(["1.4.9"]);
    }

    [Fact]
    public void TryRead_BadRange_FailsSayingWhy()
    {
        OciRepositoryTags.TryRead(Source("""{"semver":"~>"}"""), out _, out var error).ShouldBeFalse();

        error.ShouldContain("~>");
    }

    [Fact]
    public void Pick_NothingInRange_WarnsWithTheRange()
    {
        OciRepositoryTags.TryRead(Source("""{"semver":">=9.0.0"}"""), out var tags, out _).ShouldBeTrue();

        var pick = tags.Pick(Charts);

        pick.Tags.ShouldBeEmpty();
        pick.Warnings.ShouldHaveSingleItem().ShouldContain(">=9.0.0");
    }

    private static JsonNode Source(string reference, string? mediaType = null) =>
        JsonNode.Parse($$$"""{"metadata":{"name":"podinfo","namespace":"flux-system"},"spec":{"url":"oci://git.example.org/charts/podinfo","ref":{{{reference}}}{{{(mediaType is null ? "" : ",\"layerSelector\":{\"mediaType\":\"" + mediaType + "\"}")}}}}}""")!;
}
