using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OciCleanup.Cleaner.Planning;

/// <summary>
/// What one reference source named in the last trusted run (neither blocked nor failed): how many
/// distinct protected targets, and which API groups it saw served.
/// </summary>
internal sealed record SourceBaseline(
    [property: JsonPropertyName("targets")] int Targets,
    [property: JsonPropertyName("servedGroups")] ImmutableArray<string> ServedGroups);
