namespace OciCleanup.Pins.Tests.DesiredState;

public class FluxSemverRangeTests
{
    [Theory]
    // tilde: same major.minor, at least the version
    [InlineData("~1.4", "1.4.0", true)]
    [InlineData("~1.4", "1.4.9", true)]
    [InlineData("~1.4", "1.5.0", false)]
    [InlineData("~1.4", "1.3.9", false)]
    [InlineData("~1.2.3", "1.2.2", false)]
    [InlineData("~1", "1.9.9", true)]
    [InlineData("~1", "2.0.0", false)]
    [InlineData("~1.x", "1.3.5", true)]
    [InlineData("~>1.4", "1.4.2", true)]
    [InlineData("~0.0.0", "7.1.0", true)]
    [InlineData("~*", "2.1.1", true)]
    // caret: same major (same minor under 0.x, same patch under 0.0.x)
    [InlineData("^1.2", "1.2.0", true)]
    [InlineData("^1.2", "1.9.9", true)]
    [InlineData("^1.2", "2.0.0", false)]
    [InlineData("^1.2", "1.1.9", false)]
    [InlineData("^0.2.3", "0.2.9", true)]
    [InlineData("^0.2.3", "0.3.0", false)]
    [InlineData("^0.0.3", "0.0.3", true)]
    [InlineData("^0.0.3", "0.0.4", false)]
    [InlineData("^0.0", "0.0.7", true)]
    [InlineData("^0.0", "0.1.0", false)]
    [InlineData("^1.x", "1.8.0", true)]
    [InlineData("^0.x", "0.8.0", true)]
    // Masterminds quirk: a wildcard major under ^ is read as 0.0.0 with no wildcard flag, so ^* admits only 0.0.0
    [InlineData("^*", "0.0.0", true)]
    [InlineData("^*", "1.2.3", false)]
    // wildcards and partial versions
    [InlineData("6.5.x", "6.5.0", true)]
    [InlineData("6.5.x", "6.5.12", true)]
    [InlineData("6.5.x", "6.6.0", false)]
    [InlineData("6.5", "6.5.3", true)]
    [InlineData("1.x", "1.0.0", true)]
    [InlineData("1.x", "1.99.0", true)]
    [InlineData("1.x", "2.0.0", false)]
    [InlineData("1.X", "1.2.0", true)]
    [InlineData("1.*", "1.2.0", true)]
    [InlineData("*", "0.0.1", true)]
    [InlineData("*", "123.4.5", true)]
    [InlineData("x", "3.0.0", true)]
    // equality
    [InlineData("=1.2.3", "1.2.3", true)]
    [InlineData("=1.2.3", "1.2.4", false)]
    [InlineData("1.2.3", "1.2.3", true)]
    [InlineData("= 2.0", "2.0.1", true)]
    [InlineData("=1.2.3", "1.2.3+build.7", true)]
    [InlineData("!=1.2.3", "1.2.3", false)]
    [InlineData("!=1.2.3", "1.2.4", true)]
    [InlineData("!=4.x", "4.1.0", false)]
    [InlineData("!=4.x", "5.1.0", true)]
    [InlineData("!=4.1", "4.1.7", false)]
    [InlineData("!=4.1", "4.2.0", true)]
    // comparisons, partial versions compare as if filled with 0 except where Masterminds widens them
    [InlineData(">1.1", "1.1.9", false)]
    [InlineData(">1.1", "1.2.0", true)]
    [InlineData(">11", "11.9.0", false)]
    [InlineData(">11", "12.0.0", true)]
    [InlineData(">1.2.3", "1.2.4", true)]
    [InlineData("<1.1", "1.0.9", true)]
    [InlineData("<1.1", "1.1.0", false)]
    [InlineData("<1.x", "1.1.1", false)]
    [InlineData("<=1.1", "1.1.9", true)]
    [InlineData("<=1.1", "1.2.0", false)]
    [InlineData("<=1.x", "1.9.0", true)]
    [InlineData("<=2.x", "3.0.0", false)]
    [InlineData(">=1.1", "1.1.0", true)]
    [InlineData(">=1.1", "1.0.9", false)]
    [InlineData("=>1.1", "1.1.0", true)]
    [InlineData("=<1.1", "1.1.5", true)]
    // AND with space or comma, OR with ||
    [InlineData(">=1 <2", "1.9.0", true)]
    [InlineData(">=1 <2", "2.0.0", false)]
    [InlineData(">=1 <2", "0.9.0", false)]
    [InlineData(">=1.0.0 <2.0.0", "1.9.0", true)]
    [InlineData(">= 1.0.0   <  2.0.0", "1.9.0", true)]
    [InlineData(">=6.2.0 <6.3.0", "6.2.9", true)]
    [InlineData(">=6.2.0 <6.3.0", "6.3.0", false)]
    [InlineData(">1.1, <2", "1.2.1", true)]
    [InlineData(">1.1,<2", "2.0.1", false)]
    [InlineData(">=1.1, <2, !=1.2.3", "1.2.3", false)]
    [InlineData(">=1.1 <2 !=1.2.3 || > 3", "4.1.2", true)]
    [InlineData(">=1.1 <2 !=1.2.3 || > 3", "3.1.2", false)]
    [InlineData(">=1.1 <2 !=1.2.3 || >= 3", "3.0.0", true)]
    [InlineData("1.x || 3.x", "3.4.0", true)]
    [InlineData("1.x || 3.x", "2.4.0", false)]
    // hyphen ranges: both ends inclusive, a partial upper end widened
    [InlineData("1.2 - 1.4.5", "1.2.0", true)]
    [InlineData("1.2 - 1.4.5", "1.4.5", true)]
    [InlineData("1.2 - 1.4.5", "1.4.6", false)]
    [InlineData("1.2 - 1.4", "1.4.9", true)]
    [InlineData("1.1 - 2", "2.7.0", true)]
    [InlineData("1.0.0 - 2.0.0 <=1.5.0", "1.6.0", false)]
    [InlineData("3 - 4 || >= 6", "6.1.0", true)]
    // v prefixes on every version of a range
    [InlineData("v1.2.3", "1.2.3", true)]
    [InlineData(">=v1.0.0 <v2.0.0", "1.5.0", true)]
    [InlineData("^v1.2", "1.3.0", true)]
    [InlineData("v1.0 - v1.2", "1.2.7", true)]
    // prereleases: a release range never admits one
    [InlineData(">=1.0.0 <2.0.0", "1.5.0-rc.1", false)]
    [InlineData("*", "1.2.3-alpha.1", false)]
    [InlineData("^1.x", "1.1.1-beta1", false)]
    [InlineData("~1.1", "1.1.1-alpha", false)]
    // a prerelease named in the AND-group admits every prerelease in range, not only the same patch (unlike npm)
    [InlineData("^1.1.2-alpha", "1.2.1-beta1", true)]
    [InlineData("~1.2.3-beta.2", "1.2.4-beta.2", true)]
    [InlineData("~1.2.3-beta.2", "1.3.4-beta.2", false)]
    [InlineData(">=1.0.0-0 <2.0.0", "1.0.1-beta", true)]
    [InlineData(">= 1.0.0 <= 2.0.0-beta", "1.0.1-beta", true)]
    [InlineData("^1.2.0-alpha.2", "1.2.0-alpha.1", false)]
    [InlineData("*-0", "1.2.3-alpha.1", true)]
    [InlineData(">0.0.0-0", "0.0.0-alpha", true)]
    [InlineData("<0-z", "0.0.0-alpha", true)]
    // ... but only in its own group
    [InlineData(">=1.0.0-0 <1.1.0 || >=2.0.0", "2.1.0-rc.1", false)]
    [InlineData(">=1.0.0-0 <1.1.0 || >=2.0.0", "1.0.5-rc.1", true)]
    // != on a partial version with a prerelease compares the prerelease
    [InlineData("!=4.1-alpha", "4.1.0", true)]
    [InlineData("!=4.1-alpha", "4.1.1-alpha", false)]
    public void Contains_MastermindsForms_MatchesFlux(string range, string version, bool expected) =>
        FluxSemverRange.Parse(range).Contains(Version(version)).ShouldBe(expected);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("foo")]
    [InlineData(">= bar")]
    [InlineData("BAR >= 1.2.3")]
    [InlineData(">=1 ||")]
    [InlineData("12.3.4.1234")]
    [InlineData("12.3.34~ 1.2.3")]
    [InlineData("v1.2.3-beta.01")]
    [InlineData("V1.2.3")]
    [InlineData(">=1x")]
    [InlineData("1.2.3 && 2")]
    // Masterminds rewrites "A - B" together with the white space before it, which glues it to a comparison written before it
    [InlineData(">=1.0.0 1.2 - 1.4")]
    public void TryParse_NotAConstraint_FailsWithTheRange(string range)
    {
        FluxSemverRange.TryParse(range, out var parsed, out var error).ShouldBeFalse();

        parsed.ShouldBeNull();
        error.ShouldContain($"'{range}'");
    }

    [Fact]
    public void TryParse_LongRangeThatNearlyParses_RefusedWithoutStalling()
    {
        // Many comparisons separated by runs of spaces, broken at the very end: a backtracking
        // validation would try every split of every run; the linear-time one answers at once.
        var hostile = string.Concat(Enumerable.Repeat(">=1.0.0   ", 2000)) + "!";

        FluxSemverRange.TryParse(hostile, out _, out var error).ShouldBeFalse();

        error.ShouldContain("is not a constraint Flux accepts");
    }

    [Fact]
    public void TryParse_HyphenRangeAfterComma_Works() =>
        FluxSemverRange.Parse(">=1.0.0, 1.2 - 1.4").Contains(Version("1.3.0")).ShouldBeTrue();

    [Fact]
    public void Equals_SameText_EqualAndSameHash()
    {
        var a = FluxSemverRange.Parse(">=1.0.0 <2.0.0");
        var b = FluxSemverRange.Parse(">=1.0.0 <2.0.0");

        a.ShouldBe(b);
        a.GetHashCode().ShouldBe(b.GetHashCode());
        a.ShouldNotBe(FluxSemverRange.Parse(">=1.0.0, <2.0.0"));
    }

    private static Semver.SemVersion Version(string text) =>
        FluxVersion.TryParse(text, out var v) ? v : throw new ArgumentException($"test version '{text}' does not parse");
}
