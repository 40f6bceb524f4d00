namespace OciCleanup.Cleaner.Tests.Reporting;

/// <summary>A delete run's report, as a person reads it at 120 columns and as the JSON contract, against golden files.</summary>
public class GoldenDeleteReportTests
{
    [Fact]
    public void TableWrite_DeleteReport_MatchesGoldenFile() =>
        GoldenFile.Verify("delete.table.120.txt", TableReportWriter.Write(DeleteReport.Build(), FixedReport.Look with { Width = 120 }));

    [Fact]
    public void JsonWrite_DeleteReport_MatchesGoldenFile() =>
        GoldenFile.Verify("delete.json", JsonReportWriter.Write(DeleteReport.Build()));

    [Fact]
    public void TableWrite_DeleteReport_HeadlineCountsDeletedAndFailed()
    {
        var text = TableReportWriter.Write(DeleteReport.Build(), FixedReport.Look with { Width = 120 });

        text.ShouldContain("15 versions: 5 keep, 10 to delete, 6 deleted, 2 failed");
    }
}
