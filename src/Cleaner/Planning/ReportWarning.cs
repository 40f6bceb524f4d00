using System.Text.Json.Serialization;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Planning;

/// <summary>One entry of the report's <c>warnings</c> (docs/references.md, "Warnings"): what could not be resolved, and what to do.</summary>
internal sealed record ReportWarning(
    [property: JsonPropertyName("kind"), JsonConverter(typeof(WarningKindJsonConverter))] WarningKind Kind,
    [property: JsonPropertyName("detail")] string Detail);
