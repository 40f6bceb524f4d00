namespace OciCleanup.Cleaner.Reporting;

internal static class ReportWriter
{
    public static string Render(RunReport report, ReportFormat format, ReportLook look) => format switch
    {
        ReportFormat.Json => JsonReportWriter.Write(report),
        ReportFormat.Markdown => MarkdownReportWriter.Write(report, look),
        ReportFormat.Html => HtmlReportWriter.Write(report, look),
        _ => TableReportWriter.Write(report, look),
    };
}
