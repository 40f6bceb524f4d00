using OciCleanup.Cleaner.Reporting;

namespace OciCleanup.Cleaner.Tests.Reporting;

/// <summary>Table, Markdown and HTML of one fixed report against committed golden files (STYLE.md).</summary>
public class GoldenReportTests
{
    [Fact]
    public void TableWrite_FixedReport_MatchesGoldenFile() =>
        GoldenFile.Verify("report.table.txt", TableReportWriter.Write(FixedReport.Ok, FixedReport.Look));

    [Fact]
    public void TableWrite_BlockedReport_MatchesGoldenFile() =>
        GoldenFile.Verify("blocked.table.txt", TableReportWriter.Write(FixedReport.Blocked, FixedReport.Look));

    [Fact]
    public void MarkdownWrite_FixedReport_MatchesGoldenFile() =>
        GoldenFile.Verify("report.md", MarkdownReportWriter.Write(FixedReport.Ok, FixedReport.Look));

    [Fact]
    public void MarkdownWrite_BlockedReport_MatchesGoldenFile() =>
        GoldenFile.Verify("blocked.md", MarkdownReportWriter.Write(FixedReport.Blocked, FixedReport.Look));

    [Fact]
    public void HtmlWrite_FixedReport_MatchesGoldenFile() =>
        GoldenFile.Verify("report.html", HtmlReportWriter.Write(FixedReport.Ok, FixedReport.Look));

    [Fact]
    public void HtmlWrite_BlockedReport_MatchesGoldenFile() =>
        GoldenFile.Verify("blocked.html", HtmlReportWriter.Write(FixedReport.Blocked, FixedReport.Look));
}
