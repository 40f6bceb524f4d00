namespace OciCleanup.Cleaner.Tests.Reporting;

public class HtmlReportTests
{
    [Fact]
    public void HtmlWrite_HostileGenericVersion_IsEncodedText()
    {
        var html = HtmlReportWriter.Write(HostileReport.Build(), FixedReport.Look);

        html.ShouldNotContain("<img");
        html.ShouldContain("<td class=\"version\" title=\"sha256:");
        html.ShouldContain(">1.0`[x](http://evil.example/)&lt;img src=x onerror=alert(1)&gt;``</td>");
        html.ShouldContain("data-digest=\"");
    }
}
