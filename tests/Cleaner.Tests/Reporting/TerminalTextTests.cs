namespace OciCleanup.Cleaner.Tests.Reporting;

public class TerminalTextTests
{
    [Theory]
    [InlineData("app\u001b[2JFAKE", "app\\x1b[2JFAKE")]
    [InlineData("\u001b]8;;http://e/\u0007x", "\\x1b]8;;http://e/\\x07x")]
    [InlineData("a\u009bb\u007f", "a\\x9bb\\x7f")]
    [InlineData("invoice\u202Egnp.exe", "invoice\\u202egnp.exe")]
    [InlineData("line\nforged\r", "line\\x0aforged\\x0d")]
    [InlineData("0.1.2 … ok — staging", "0.1.2 … ok — staging")]
    public void Safe_ControlAndFormatCharacters_AreShownEscaped(string text, string expected) =>
        TerminalText.Safe(text).ShouldBe(expected);

    [Fact]
    public void TableWrite_HostileStrings_NoControlCharacterReachesTheTerminal()
    {
        var table = TableReportWriter.Write(HostileReport.Build(), FixedReport.Look with { Width = 200 });

        ShouldBeInert(table);
        table.ShouldContain("app\\x1b[2J\\x1b[HFAKE-ALL-GOOD");
        table.ShouldContain("\\x1b]8;;http://evil.example/\\x07click");
        table.ShouldContain("\\x1b]52;c;");
        table.ShouldContain("invoice\\u202egnp.exe");
    }

    [Fact]
    public void ExplanationOf_HostileStrings_NoControlCharacterReachesTheTerminal()
    {
        var report = HostileReport.Build();

        var text = Explanation.Of(report.Decisions[0], report, RetentionPolicy.Default);

        ShouldBeInert(text);
        text.ShouldContain("app\\x1b[2J");
        text.ShouldContain("1.0\\x1b]8;;http://evil.example/\\x07click");
        text.ShouldContain("invoice\\u202egnp.exe");
        text.ShouldContain("(FAILED: HTTP 500: \\x1b]52;c;");
    }

    /// <summary>Nothing a terminal acts on: no control or format character but the line breaks.</summary>
    internal static void ShouldBeInert(string text) =>
        text.Where(c => c != '\n' && (char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format))
            .Select(c => $"U+{(int)c:X4}").ShouldBeEmpty();
}
