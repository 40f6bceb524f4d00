namespace OciCleanup.Cleaner.Tests.Reporting;

/// <summary>Table, Markdown and HTML of one fixed report against committed golden files (STYLE.md).</summary>
public class GoldenReportTests
{
    [Theory]
    [InlineData(80)]
    [InlineData(200)]
    public void TableWrite_FixedReport_MatchesGoldenFile(int width) =>
        GoldenFile.Verify($"report.table.{width}.txt", TableReportWriter.Write(FixedReport.Ok, FixedReport.Look with { Width = width }));

    [Theory]
    [InlineData(80)]
    [InlineData(200)]
    public void TableWrite_BlockedReport_MatchesGoldenFile(int width) =>
        GoldenFile.Verify($"blocked.table.{width}.txt", TableReportWriter.Write(FixedReport.Blocked, FixedReport.Look with { Width = width }));

    [Theory]
    [InlineData(80)]
    [InlineData(81)]
    [InlineData(100)]
    [InlineData(120)]
    [InlineData(160)]
    public void TableWrite_AnyWidthFrom80_NoLineIsWiderSoNoRowWraps(int width)
    {
        foreach (var report in new[] { FixedReport.Ok, FixedReport.Blocked, HostileReport.Build() })
        {
            var lines = TableReportWriter.Write(report, FixedReport.Look with { Width = width }).Split('\n');

            lines.Where(l => l.Length > width).ShouldBeEmpty();
        }
    }

    [Fact]
    public void MarkdownWrite_FixedReport_MatchesGoldenFile() =>
        GoldenFile.Verify("report.md", MarkdownReportWriter.Write(FixedReport.Ok, FixedReport.Look));

    [Fact]
    public void MarkdownWrite_BlockedReport_MatchesGoldenFile() =>
        GoldenFile.Verify("blocked.md", MarkdownReportWriter.Write(FixedReport.Blocked, FixedReport.Look));

    [Fact]
    public void HtmlWrite_FixedReport_MatchesGoldenFile() =>
        GoldenFile.Verify("report.html", HtmlReportWriter.Write(FixedReport.Ok, FixedReport.Look));

    /// <summary>
    /// The page's style and script are the fixed report's (golden in report.html) to the byte, so the blocked
    /// golden file holds only what lies between them: any change to the blocked page still fails one of the two.
    /// </summary>
    [Fact]
    public void HtmlWrite_BlockedReport_MatchesGoldenFile()
    {
        var page = HtmlReportWriter.Write(FixedReport.Blocked, FixedReport.Look);
        var ok = HtmlReportWriter.Write(FixedReport.Ok, FixedReport.Look);
        var (start, end) = (page.IndexOf("<body", StringComparison.Ordinal), page.IndexOf("</main><script>", StringComparison.Ordinal));

        page[..start].ShouldBe(ok[..ok.IndexOf("<body", StringComparison.Ordinal)]);
        page[end..].ShouldBe(ok[ok.IndexOf("</main><script>", StringComparison.Ordinal)..]);
        GoldenFile.Verify("blocked.body.html", page[start..end]);
    }
}
