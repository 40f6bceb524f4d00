using System.Text;

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

    /// <summary>
    /// Writes the report to its destination. JSON and the table stream (at 100k versions either is
    /// tens of MB as one string, and the table is what the CronJob prints); Markdown and HTML are
    /// rendered whole, since their readers want a file of a bounded size anyway.
    /// </summary>
    public static Task WriteAsync(RunReport report, ReportFormat format, ReportLook look, ReportDestination destination, CancellationToken cancellationToken) => format switch
    {
        ReportFormat.Json => destination.WriteAsync((stream, ct) => JsonReportWriter.WriteAsync(report, stream, ct), cancellationToken),
        ReportFormat.Table => destination.WriteAsync(
            async (stream, ct) =>
            {
                await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024, leaveOpen: true);
                TableReportWriter.Write(report, look, writer);
                await writer.FlushAsync(ct);
            },
            cancellationToken),
        _ => destination.WriteAsync(Render(report, format, look), cancellationToken),
    };
}
