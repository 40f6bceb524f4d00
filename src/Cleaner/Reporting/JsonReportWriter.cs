using System.Text.Json;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>
/// The JSON report (docs/reports.md, "Report formats"). <see cref="WriteAsync"/> serializes straight to the destination
/// stream, flushing as its buffer fills, so a report of 100k decisions never exists as one string.
/// </summary>
internal static class JsonReportWriter
{
    /// <summary>The report's serializer options (UTC times with <c>Z</c>); <see cref="JsonReportReader"/> reads with them too.</summary>
    internal static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Converters = { new UtcTimestampConverter(), new DigestJsonConverter(), ReasonOriginJson.PartConverter }, TypeInfoResolver = ReasonOriginJson.Resolver };

    /// <summary>The report as one string: for small reports and tests; the same bytes as <see cref="WriteAsync"/>.</summary>
    public static string Write(RunReport report) => JsonSerializer.Serialize(report, Options);

    /// <summary>Streams the report to <paramref name="destination"/> as UTF-8, synchronously, without building it in memory.</summary>
    public static void WriteTo(RunReport report, Stream destination) => JsonSerializer.Serialize(destination, report, Options);

    /// <summary>Streams the report to <paramref name="destination"/> as UTF-8, without building it in memory.</summary>
    public static Task WriteAsync(RunReport report, Stream destination, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeAsync(destination, report, Options, cancellationToken);
}
