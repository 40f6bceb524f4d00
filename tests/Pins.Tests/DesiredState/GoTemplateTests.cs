namespace OciCleanup.Pins.Tests.DesiredState;

public class GoTemplateTests
{
    [Theory]
    // Flux's documented extract templates
    [InlineData("^main-[a-f0-9]+-(?P<ts>[0-9]+)$", "$ts", "main-3f2a1b-1718000000", "1718000000")]
    [InlineData(@"^RELEASE\.(?P<timestamp>.*)Z$", "$timestamp", "RELEASE.2024-05-01T10-00-00Z", "2024-05-01T10-00-00")]
    [InlineData("^main-[a-f0-9]+-(?P<ts>[0-9]+)$", "${ts}", "main-3f2a1b-17", "17")]
    // Go 1.22's (?<name>) too
    [InlineData("^v(?<major>[0-9]+)", "$major", "v12.1", "12")]
    // $name takes the longest name: $tsx is a group that does not exist, so it expands to nothing
    [InlineData("^(?P<ts>[0-9]+)x?$", "$tsx-", "17x", "-")]
    [InlineData("^(?P<ts>[0-9]+)x?$", "${ts}x-", "17x", "17x-")]
    // numbers count every group left to right, named or not (.NET numbers named groups last)
    [InlineData("^(?P<a>[a-z]+)-([0-9]+)$", "$2.$1", "abc-42", "42.abc")]
    [InlineData("^([a-z]+)-(?P<n>[0-9]+)-([a-z]+)$", "$3$1", "ab-1-cd", "cdab")]
    [InlineData("^([a-z]+)-([0-9]+)$", "$0", "ab-1", "ab-1")]
    [InlineData("^([a-z]+)$", "$2", "ab", "")]
    [InlineData("^([a-z]+)$", "$01", "ab", "")]
    // $$ is a dollar; a malformed $ stays literal
    [InlineData("^([a-z]+)$", "$$$1", "ab", "$ab")]
    [InlineData("^([a-z]+)$", "${1", "ab", "${1")]
    [InlineData("^([a-z]+)$", "$-x", "ab", "$-x")]
    [InlineData("^([a-z]+)$", "price$", "ab", "price$")]
    // the match is searched anywhere in the tag, leftmost first
    [InlineData("(?P<d>[0-9]+)", "$d", "build-12-34", "12")]
    [InlineData("(?P<v>a|ab)", "$v", "xab", "a")]
    public void ToDotNet_GoTemplate_ExpandsLikeGo(string pattern, string template, string tag, string expected)
    {
        GoRegex.TryParse(pattern, out var regex, out var error).ShouldBeTrue(error);

        regex.Match(tag).Result(GoTemplate.ToDotNet(template, regex.Groups)).ShouldBe(expected);
    }

    [Fact]
    public void ToDotNet_NamedReference_BecomesDotNetBraces() =>
        GoTemplate.ToDotNet("$ts-${sha}", ["ts", "sha"]).ShouldBe("${ts}-${sha}");
}
