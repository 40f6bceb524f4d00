using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OciCleanup.Cleaner.Planning;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>The report of one run; its JSON form is the stable contract (docs/reports.md, "Report formats").</summary>
internal sealed record RunReport(
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("startedAt")] DateTimeOffset StartedAt,
    [property: JsonPropertyName("finishedAt")] DateTimeOffset FinishedAt,
    [property: JsonPropertyName("sources")] ImmutableArray<SourceEntry> Sources,
    [property: JsonPropertyName("decisions")] ImmutableArray<DecisionEntry> Decisions,
    [property: JsonPropertyName("summary")] Summary Summary)
{
    /// <summary>What could not be resolved (docs/references.md, "Warnings"; added since schema 1): never a reason to delete, always one to look.</summary>
    [JsonPropertyName("warnings")]
    public ImmutableArray<ReportWarning> Warnings { get; init; } = [];

    /// <summary>Per source object, how many rollbacks back the registry still holds (docs/references.md, "Rollback window"; added since schema 1).</summary>
    [JsonPropertyName("rollback")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableArray<RollbackLine>? Rollback { get; init; }

    /// <summary>The run's id (added since schema 1), as on its log lines and in the run history.</summary>
    [JsonPropertyName("runId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RunId { get; init; }
}

internal sealed record SourceEntry(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("references"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? References,
    [property: JsonPropertyName("error"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error,
    [property: JsonPropertyName("notes"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ImmutableArray<string>? Notes)
{
    /// <summary>Distinct targets the source named in the last trusted run (the shrink breaker's baseline).</summary>
    [JsonPropertyName("baseline")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Baseline { get; init; }

    /// <summary>True when this run's shrink of the source was accepted with <c>run --accept-shrink</c>.</summary>
    [JsonPropertyName("shrinkAccepted")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? ShrinkAccepted { get; init; }
}

/// <summary>
/// One reason as the report holds it: its kind, its origin in words (<c>detail</c>, the contract) and the
/// origin as data (<c>origin</c>, added since schema 1), which every other view reads. A report written
/// before origins were stored has only the words: its origin is a <see cref="TextOrigin"/>.
/// </summary>
internal sealed record ReasonEntry
{
    public ReasonEntry(string kind, ReasonOrigin origin)
        : this(kind, origin.Detail, origin)
    {
    }

    [JsonConstructor]
    public ReasonEntry(string kind, string detail, ReasonOrigin? storedOrigin)
    {
        Kind = kind;
        Detail = detail;
        Origin = storedOrigin ?? new TextOrigin(detail);
    }

    [JsonPropertyName("kind")]
    public string Kind { get; }

    [JsonPropertyName("detail")]
    public string Detail { get; }

    [JsonIgnore]
    public ReasonOrigin Origin { get; }

    [JsonPropertyName("origin")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonConverter(typeof(LenientOriginConverter))]
    public ReasonOrigin? StoredOrigin => Origin is TextOrigin ? null : Origin;
}

internal sealed record Summary(
    [property: JsonPropertyName("versions")] int Versions,
    [property: JsonPropertyName("keep")] int Keep,
    [property: JsonPropertyName("delete")] int Delete,
    [property: JsonPropertyName("deleted")] int Deleted,
    [property: JsonPropertyName("failed")] int Failed,
    [property: JsonPropertyName("blocked")] bool Blocked,
    [property: JsonPropertyName("blockedReason")] string? BlockedReason)
{
    /// <summary>
    /// Bytes the planned deletes would free (optional, docs/reports.md, "Report formats"): the blobs of deleted versions that no
    /// kept version of the same registry also uses. Absent when the registry did not tell sizes.
    /// </summary>
    [JsonPropertyName("reclaimableBytes")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? ReclaimableBytes { get; init; }

    /// <summary>The same per package, keyed <c>registry:owner/type/name</c>.</summary>
    [JsonPropertyName("reclaimableBytesByPackage")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableSortedDictionary<string, long>? PackageBytes { get; init; }
}
