namespace OciCleanup.Pins.Tests.DesiredState;

public class GoRegexTests
{
    [Theory]
    [InlineData("^staging$", "staging", true)]
    [InlineData("^staging$", "staging-latest", false)]
    [InlineData("staging", "pre-staging-1", true)]
    [InlineData("", "anything", true)]
    [InlineData(@"\Q1.0+\E", "v1.0+x", true)]
    [InlineData(@"\Q1.0+\E", "v1x0+x", false)]
    [InlineData("^[]a]+$", "]a]", true)]
    [InlineData("(?i)^RC", "rc1", true)]
    public void IsMatch_GoPattern_SearchesAnywhereLikeGo(string pattern, string tag, bool expected)
    {
        GoRegex.TryParse(pattern, out var regex, out var error).ShouldBeTrue(error);

        regex.IsMatch(tag).ShouldBe(expected);
    }

    [Fact]
    public void TryParse_SamePatternForManyPolicies_CompiledOnce()
    {
        // 300 ImagePolicies with one filterTags pattern: one engine and its state cache, not 300 (27 MB at 100k versions).
        GoRegex.TryParse("^main-[a-f0-9]+-(?P<ts>[0-9]+)", out var first, out _).ShouldBeTrue();
        GoRegex.TryParse("^main-[a-f0-9]+-(?P<ts>[0-9]+)", out var second, out _).ShouldBeTrue();

        second.ShouldBeSameAs(first);
        second.Match("main-abc123-1700000000").Groups["ts"].Value.ShouldBe("1700000000");
    }

    [Theory]
    [InlineData("^main-(")]
    [InlineData("[[:^alpha:]]+")]
    [InlineData("[[:letters:]]+")]
    [InlineData("[a-z-[aeiou]]")]
    [InlineData(@"(\w)\1")]
    [InlineData("(?U)a+")]
    public void TryParse_PatternNotReadLikeGo_FailsWithThePattern(string pattern)
    {
        GoRegex.TryParse(pattern, out var regex, out var error).ShouldBeFalse();

        regex.ShouldBeNull();
        error.ShouldContain(pattern);
    }

    [Fact]
    public void Groups_MixedNamedAndUnnamed_InGoOrder()
    {
        GoRegex.TryParse(@"^(?P<a>x)(?:y)(z)(?<b>w)\(", out var regex, out _).ShouldBeTrue();

        regex.Groups.ShouldBe(["a", null, "b"]);
    }

    [Fact]
    public void Match_PatternStartingWithOptionalPart_IsTheLeftmostMatch()
    {
        // .NET's NonBacktracking engine reports the match at 4 here; Go and the backtracking engine at 2.
        GoRegex.TryParse("(?:ab)?x*(?P<n>[0-9])", out var regex, out _).ShouldBeTrue();

        regex.Match("xa2b3").Groups["n"].Value.ShouldBe("2");
    }

    [Fact]
    public void Equals_SamePattern_Equal()
    {
        GoRegex.TryParse("^v[0-9]+$", out var a, out _).ShouldBeTrue();
        GoRegex.TryParse("^v[0-9]+$", out var b, out _).ShouldBeTrue();

        a.ShouldBe(b);
        a.GetHashCode().ShouldBe(b.GetHashCode());
    }

    [Theory]
    [InlineData("^[[:digit:]]+$", "12345", true)]
    [InlineData("^[[:digit:]]+$", "12a45", false)]
    [InlineData("^[^[:lower:]_]+$", "ABC-1", true)]
    [InlineData("^[^[:lower:]_]+$", "abc", false)]
    [InlineData("^v[[:digit:].]+$", "v1.2.3", true)]
    public void TryParse_PosixClass_SpelledAsTheRangesRe2Means(string pattern, string tag, bool matches)
    {
        GoRegex.TryParse(pattern, out var regex, out var error).ShouldBeTrue(error);

        regex.IsMatch(tag).ShouldBe(matches);
    }
}
