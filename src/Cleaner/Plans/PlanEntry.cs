using System.Text.Json.Serialization;

namespace OciCleanup.Cleaner.Plans;

/// <summary>One version a plan approves for deletion, as it was when planned (SPEC §7a).</summary>
internal sealed record PlanEntry(
    [property: JsonPropertyName("registry")] string Registry,
    [property: JsonPropertyName("owner")] string? Owner,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("package")] string Package,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("digest")] string? Digest,
    [property: JsonPropertyName("createdAt")] DateTimeOffset CreatedAt);
