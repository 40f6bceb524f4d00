using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OciCleanup.Cleaner.Inventory;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>One decision of the report (docs/reports.md, "Report formats"): the version, what happens to it and why, and what came of a delete.</summary>
internal sealed record DecisionEntry : VersionRef
{
    [JsonConstructor]
    public DecisionEntry()
        : base(Unread)
    {
    }

    public DecisionEntry(VersionRef version, DateTimeOffset createdAt, string action, ImmutableArray<ReasonEntry> reasons, string? result = null, string? resultDetail = null)
        : base(version) => (CreatedAt, Action, Reasons, Result, ResultDetail) = (createdAt, action, reasons, result, resultDetail);

    [JsonPropertyName("createdAt"), JsonPropertyOrder(1)] public DateTimeOffset CreatedAt { get; init; }

    [JsonPropertyName("action"), JsonPropertyOrder(1)] public string Action { get; init; } = "";

    [JsonPropertyName("reasons"), JsonPropertyOrder(1)] public ImmutableArray<ReasonEntry> Reasons { get; init; }

    [JsonPropertyName("result"), JsonPropertyOrder(1), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Result { get; init; }

    [JsonPropertyName("resultDetail"), JsonPropertyOrder(1), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ResultDetail { get; init; }
}
