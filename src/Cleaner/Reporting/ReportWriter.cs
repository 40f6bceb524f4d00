namespace OciCleanup.Cleaner.Reporting;

internal static class ReportWriter
{
    public static string Render(RunReport report, ReportFormat format) => format switch
    {
        ReportFormat.Json => JsonReportWriter.Write(report),
        ReportFormat.Markdown => MarkdownReportWriter.Write(report),
        ReportFormat.Html => HtmlReportWriter.Write(report),
        _ => TableReportWriter.Write(report),
    };
}
