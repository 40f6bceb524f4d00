namespace OciCleanup.Cleaner.Tests.Reporting;

/// <summary>What <c>explain</c> says about a few versions of the fixed report, against golden files.</summary>
public class GoldenExplanationTests
{
    [Theory]
    [InlineData("pinned", "staging", false)]
    [InlineData("retained", "0.1.9", false)]
    [InlineData("delete", "0.1.8", false)]
    [InlineData("delete-blocked", "0.1.8", true)]
    [InlineData("index-child", "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false)]
    [InlineData("untagged", "sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc", false)]
    public void Of_FixedReportVersion_MatchesGoldenFile(string name, string version, bool blocked)
    {
        var report = blocked ? FixedReport.Blocked : FixedReport.Ok;

        var text = Explanation.Of(report.Decisions.Single(d => d.Version == version), report, RetentionPolicy.Default);

        GoldenFile.Verify($"explain.{name}.txt", text);
    }
}
