using System.Text.RegularExpressions;

namespace OciCleanup.Cleaner.Tests.Reporting;

public partial class MarkdownTextTests
{
    [Theory]
    [InlineData("1.0.4", "`1.0.4`")]
    [InlineData("a`b", "``a`b``")]
    [InlineData("`x``", "``` `x`` ```")]
    [InlineData("a|b\nc", "`a\\|b c`")]
    public void Code_AnyText_IsOneCodeSpanItCannotLeave(string text, string expected) =>
        MarkdownText.Code(text).ShouldBe(expected);

    [Fact]
    public void MarkdownWrite_HostileGenericVersion_RendersAsLiteralText()
    {
        var markdown = MarkdownReportWriter.Write(HostileReport.Build(), FixedReport.Look);

        var row = markdown.Split('\n').Single(l => l.Contains("onerror", StringComparison.Ordinal));
        row.ShouldContain($"| ``` {HostileReport.MarkdownVersion} ``` |");
        // Outside code spans (CommonMark: a run of N backticks closes at the next run of exactly N),
        // nothing may open a link, an image, HTML or an autolink.
        var prose = OutsideCodeSpans(markdown);
        prose.ShouldNotContain("\u001b");
        Unescaped().Matches(prose).Select(m => m.Value).ShouldBeEmpty();
        prose.ShouldNotContain("http://");
        prose.ShouldNotContain("www.");
    }

    [Fact]
    public void MarkdownWrite_HostileStrings_EveryCodeSpanFenceIsLongerThanTheBackticksInside()
    {
        var markdown = MarkdownReportWriter.Write(HostileReport.Build(), FixedReport.Look);

        foreach (Match span in CodeSpan().Matches(markdown))
        {
            var inside = span.Groups["text"].Value;
            BacktickRun().Matches(inside).Select(r => r.Length).DefaultIfEmpty(0).Max().ShouldBeLessThan(span.Groups["fence"].Length, span.Value);
        }
    }

    /// <summary>
    /// The text outside code spans, without the report's own markup (the caution box, its quote marks)
    /// and without the HTML block lines of details, which are HTML-encoded and not read as Markdown.
    /// </summary>
    private static string OutsideCodeSpans(string markdown) =>
        OwnMarkup().Replace(CodeSpan().Replace(markdown, "CODE"), "");

    [GeneratedRegex(@"^<details>.*$|^</details>$|^> (\[!CAUTION\])?", RegexOptions.Multiline)]
    private static partial Regex OwnMarkup();

    /// <summary>A Markdown character with no backslash before it.</summary>
    [GeneratedRegex(@"(?<!\\)[\[\]<>!`]")]
    private static partial Regex Unescaped();

    [GeneratedRegex(@"(?<!`)(?<fence>`+)(?!`)(?<text>.*?)(?<!`)\k<fence>(?!`)")]
    private static partial Regex CodeSpan();

    [GeneratedRegex("`+")]
    private static partial Regex BacktickRun();
}
