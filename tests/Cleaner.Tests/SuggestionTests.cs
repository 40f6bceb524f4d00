namespace OciCleanup.Cleaner.Tests;

public class SuggestionTests
{
    private static readonly string[] Known = ["run", "daemon", "explain", "pins", "config", "restore", "plan", "apply", "history", "report", "diff", "--dry-run", "--delete", "--config", "--report", "--output"];

    [Theory]
    [InlineData("rnu", "run")]
    [InlineData("--dryrun", "--dry-run")]
    [InlineData("--dry_run", "--dry-run")]
    [InlineData("hstory", "history")]
    [InlineData("RUN", "run")]
    [InlineData("expalin", "explain")]
    [InlineData("--deleet", "--delete")]
    [InlineData("aply", "apply")]
    public void For_Typo_IsTheNearestName(string typed, string expected)
    {
        Suggestion.For(typed, Known).ShouldBe(expected);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("x")]
    [InlineData("--yes")]
    public void For_NothingClose_IsNull(string typed)
    {
        Suggestion.For(typed, Known).ShouldBeNull();
    }
}
