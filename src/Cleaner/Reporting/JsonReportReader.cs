using System.Text.Json;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>Reads a stored JSON report back (run history, <c>report</c>, <c>diff</c>).</summary>
internal static class JsonReportReader
{
    /// <summary>The report; throws <see cref="JsonException"/> when the text is not one.</summary>
    public static RunReport Read(string json) => JsonSerializer.Deserialize<RunReport>(json, JsonReportWriter.Options) ?? throw new JsonException("the file holds null");
}
