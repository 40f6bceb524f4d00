using System.Text.Json.Serialization;
using OciCleanup.Cleaner.Inventory;

namespace OciCleanup.Cleaner.Execution;

/// <summary>One line of the audit log: written by <see cref="AuditLog"/> and read back by <c>restore</c>, one schema for both.</summary>
internal sealed record AuditEntry : VersionRef
{
    [JsonConstructor]
    public AuditEntry()
        : base(Unread)
    {
    }

    public AuditEntry(DateTimeOffset time, VersionRef version, string result)
        : base(version) => (Time, Result) = (time, result);

    [JsonPropertyName("time"), JsonPropertyOrder(-1)] public DateTimeOffset Time { get; init; }

    /// <summary>The registry's own id of the deleted version, where it has one (GitHub restores by it).</summary>
    [JsonPropertyName("versionId"), JsonPropertyOrder(1)] public long? VersionId { get; init; }

    [JsonPropertyName("result"), JsonPropertyOrder(1)] public string Result { get; init; } = "";

    [JsonPropertyName("detail"), JsonPropertyOrder(1)] public string? Detail { get; init; }

    [JsonPropertyName("runId"), JsonPropertyOrder(1)] public string? RunId { get; init; }

    [JsonPropertyName("mediaType"), JsonPropertyOrder(1)] public string? MediaType { get; init; }

    /// <summary>The deleted manifest's bytes, base64: the undo trail of <c>restore</c>.</summary>
    [JsonPropertyName("manifest"), JsonPropertyOrder(1)] public string? Manifest { get; init; }

    /// <summary>Where the line is in the log (1-based), so a refusal can name it.</summary>
    [JsonIgnore]
    public int Line { get; init; }

    [JsonIgnore]
    public RawManifest? Raw => Manifest is null || MediaType is null ? null : new RawManifest(Convert.FromBase64String(Manifest), MediaType);
}
