using System.Text.Json.Serialization;
using OciCleanup.Cleaner.Inventory;

namespace OciCleanup.Cleaner.Plans;

/// <summary>One version a plan approves for deletion, as it was when planned (docs/reports.md, "Plans: `plan` and `apply`").</summary>
internal sealed record PlanEntry : VersionRef
{
    [JsonConstructor]
    public PlanEntry()
        : base(Unread)
    {
    }

    public PlanEntry(VersionRef version, DateTimeOffset createdAt)
        : base(version) => CreatedAt = createdAt;

    [JsonPropertyName("createdAt"), JsonPropertyOrder(1)] public DateTimeOffset CreatedAt { get; init; }
}
