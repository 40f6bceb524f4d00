using System.Text.Json;

namespace OciCleanup.Cleaner.Reporting;

internal static class JsonReportWriter
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Converters = { new UtcTimestampConverter() } };

    public static string Write(RunReport report) => JsonSerializer.Serialize(report, Options);
}
