namespace OciCleanup.Cleaner.Configuration;

/// <summary>The <c>report</c> section, read against the defaults and bounds of <see cref="ReportConfig"/>.</summary>
internal static class ReportSection
{
    public static ReportConfig Read(YamlMapping? m, Func<string, string> resolve)
    {
        var defaults = new ReportConfig();
        if (m is null)
        {
            return defaults;
        }

        var config = new ReportConfig(
            m.String("auditLog") is { } a ? resolve(a) : defaults.AuditLog,
            m.String("metricsFile") is { } f ? resolve(f) : defaults.MetricsFile,
            m.Int("historyRuns", defaults.HistoryRuns, 1, ReportConfig.MaxHistoryRuns),
            m.Bool("sizes", defaults.Sizes));
        m.RejectUnknownKeys();
        return config;
    }
}
