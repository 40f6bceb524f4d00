namespace OciCleanup.Cleaner.Tests.Reporting;

/// <summary>
/// The JSON report is the contract (SPEC §8) scripts and dashboards read: its exact shape is a
/// committed golden file, so a renamed, dropped or reformatted field is a reviewed diff.
/// </summary>
public class GoldenJsonReportTests
{
    [Fact]
    public void JsonWrite_FixedReport_MatchesGoldenFile() =>
        GoldenFile.Verify("report.json", JsonReportWriter.Write(FixedReport.Ok));

    [Fact]
    public void JsonWrite_BlockedReport_MatchesGoldenFile() =>
        GoldenFile.Verify("blocked.json", JsonReportWriter.Write(FixedReport.Blocked));

    [Fact]
    public void JsonRead_FixedReport_WritesBackTheSameBytes()
    {
        // What `history`, `report` and `diff` load is what was written: nothing of the contract is lost on the way.
        var written = JsonReportWriter.Write(FixedReport.Ok with { RunId = "20260602T020000Z-abcd" });

        var read = JsonReportReader.Read(written);

        JsonReportWriter.Write(read).ShouldBe(written);
    }
}
