using OciCleanup.Pins.Kubernetes;

namespace OciCleanup.Pins.Tests.Kubernetes;

public class GoRegexTests
{
    [Theory]
    [InlineData("^main-(?P<ts>[0-9]+)$", "^main-(?<ts>[0-9]+)$")]
    [InlineData(@"^v\(?P<x>", @"^v\(?P<x>")]
    [InlineData("^[[:digit:]]+$", "^[0-9]+$")]
    [InlineData("^[^[:lower:]_]+$", "^[^a-z_]+$")]
    [InlineData("^[]a]$", "^[]a]$")]
    [InlineData("[(?P<x>]", "[(?P<x>]")]
    public void ToDotNet_GoOnlySyntax_Translated(string go, string dotnet)
    {
        GoRegex.ToDotNet(go).ShouldBe(dotnet);
    }

    [Theory]
    [InlineData("^staging$", "staging", true)]
    [InlineData("^staging$", "staging-latest", false)]
    [InlineData("staging", "pre-staging-1", true)] // Flux searches anywhere (FindStringSubmatchIndex), not anchored
    [InlineData("^main-[a-f0-9]+-(?P<ts>[0-9]+)", "main-3f2a1b-1718000000", true)]
    [InlineData("^[[:digit:]]+$", "12345", true)]
    [InlineData("^[[:digit:]]+$", "12a45", false)]
    [InlineData("(?i)^RC-[0-9]+$", "rc-7", true)]
    public void TryCompile_Re2Pattern_MatchesAsFluxDoes(string pattern, string tag, bool matches)
    {
        GoRegex.TryCompile(pattern, out var regex, out var error).ShouldBeTrue(error);

        regex.IsMatch(tag).ShouldBe(matches);
        regex.Options.ShouldBe(System.Text.RegularExpressions.RegexOptions.NonBacktracking | System.Text.RegularExpressions.RegexOptions.CultureInvariant);
    }

    [Theory]
    [InlineData("^staging(?!-latest)", "cannot run in linear time")]
    [InlineData("(?<=v)1", "cannot run in linear time")]
    [InlineData(@"^(\w+)-\1$", "cannot run in linear time")]
    [InlineData("^(?>a+)b", "cannot run in linear time")]
    [InlineData("^main-(", "does not parse")]
    [InlineData("^[[:^digit:]]$", "does not parse")]
    [InlineData("^[[:letters:]]$", "does not parse")]
    public void TryCompile_NotRunnableInLinearTime_RefusedWithTheReason(string pattern, string reason)
    {
        GoRegex.TryCompile(pattern, out var regex, out var error).ShouldBeFalse();

        regex.ShouldBeNull();
        error.ShouldStartWith(reason);
    }

    [Fact]
    public void TryCompile_CatastrophicBacktrackingPattern_AnswersWithoutBacktracking()
    {
        GoRegex.TryCompile("^(a+)+$", out var regex, out _).ShouldBeTrue();

        // A backtracking engine takes 2^44 steps here; a linear one answers at once.
        regex.IsMatch(new string('a', 44) + "-").ShouldBeFalse();
        regex.IsMatch(new string('a', 44)).ShouldBeTrue();
        regex.MatchTimeout.ShouldBe(System.Text.RegularExpressions.Regex.InfiniteMatchTimeout);
    }
}
