using System.Text.Json.Serialization;
using OciCleanup.Cleaner.Inventory;

namespace OciCleanup.Cleaner.Execution;

/// <summary>One line of the audit log as read back by <c>restore</c>.</summary>
internal sealed record AuditEntry(
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("registry")] string Registry,
    [property: JsonPropertyName("owner")] string? Owner,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("package")] string Package,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("digest")] string? Digest,
    [property: JsonPropertyName("result")] string Result,
    [property: JsonPropertyName("runId")] string? RunId,
    [property: JsonPropertyName("mediaType")] string? MediaType,
    [property: JsonPropertyName("manifest")] string? Manifest)
{
    [JsonPropertyName("detail")]
    public string? Detail { get; init; }

    /// <summary>The registry's own id of the deleted version, where it has one (GitHub restores by it).</summary>
    [JsonPropertyName("versionId")]
    public long? VersionId { get; init; }

    /// <summary>Where the line is in the log (1-based), so a refusal can name it.</summary>
    [JsonIgnore]
    public int Line { get; init; }

    public PackageKey PackageKey => new(Registry, Owner, Type, Package);

    public RawManifest? Raw => Manifest is null || MediaType is null ? null : new RawManifest(Convert.FromBase64String(Manifest), MediaType);

    public override string ToString() => $"{Registry}:{(Owner is null ? "" : Owner + "/")}{Type}/{Package}=={Version}";
}
