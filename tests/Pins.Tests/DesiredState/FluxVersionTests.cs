namespace OciCleanup.Pins.Tests.DesiredState;

public class FluxVersionTests
{
    [Theory]
    [InlineData("1.2.3", "1.2.3")]
    [InlineData("v1.2.3", "1.2.3")]
    [InlineData("0.1.12", "0.1.12")]
    // fluxcd/pkg/version reads leading zeros since 2025 (SPEC §5a said "skipped")
    [InlineData("1.0.02", "1.0.2")]
    [InlineData("v2025.02.03-rc.1", "2025.2.3-rc.1")]
    [InlineData("1.2.0-x.Y.0+metadata", "1.2.0-x.Y.0+metadata")]
    [InlineData("v1.2.3-rc1-with-hypen", "1.2.3-rc1-with-hypen")]
    // two dots anywhere pass the dot rule; Masterminds then fills in a missing patch
    [InlineData("1.2-rc.1", "1.2.0-rc.1")]
    [InlineData("1.0+build.5", "1.0.0+build.5")]
    public void TryParse_WhatFluxReads_IsThatVersion(string text, string expected)
    {
        FluxVersion.TryParse(text, out var version).ShouldBeTrue();

        version.ToString().ShouldBe(expected);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("v1")]
    [InlineData("v1.0")]
    [InlineData("1.0.0.1")]
    [InlineData("V1.2.3")]
    [InlineData("v1.2-beta5")]
    [InlineData("1.0.0-rc.01")]
    [InlineData("18446744073709551616.0.0")]
    [InlineData(" 1.2.3")]
    [InlineData("1.2.3\n")]
    [InlineData("latest")]
    [InlineData("sha256-abc.sig")]
    [InlineData("")]
    public void TryParse_WhatFluxSkips_IsFalse(string text) =>
        FluxVersion.TryParse(text, out _).ShouldBeFalse();

    [Theory]
    [InlineData("1.2.3", true)]
    [InlineData("1.2.3-rc.1+build.5", true)]
    [InlineData("v1.2.3", false)]
    [InlineData("1.0.02", false)]
    [InlineData("1.2", false)]
    [InlineData("1.2.3-rc.01", false)]
    public void TryParseStrict_HelmChartTags_OnlyStrictSemver(string text, bool expected) =>
        FluxVersion.TryParseStrict(text, out _).ShouldBe(expected);
}
