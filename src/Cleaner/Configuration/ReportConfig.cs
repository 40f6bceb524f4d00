namespace OciCleanup.Cleaner.Configuration;

/// <summary>The <c>report</c> section: where the audit log and metrics go, how many runs history keeps, whether reports add sizes.</summary>
internal sealed record ReportConfig(string? AuditLog = null, string? MetricsFile = null, int HistoryRuns = ReportConfig.DefaultHistoryRuns, bool Sizes = false)
{
    public const int DefaultHistoryRuns = 60;

    public const int MaxHistoryRuns = 10_000;
}
