namespace OciCleanup.Cleaner.Reporting;

internal enum ReportFormat
{
    Table,
    Json,
    Markdown,
    Html,
}
