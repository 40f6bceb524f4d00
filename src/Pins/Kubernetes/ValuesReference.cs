using System.Text.Json.Nodes;

namespace OciCleanup.Pins.Kubernetes;

/// <summary>
/// One <c>spec.valuesFrom</c> entry of a HelmRelease, as read from its ConfigMap or Secret:
/// either a whole values document, or (with <c>targetPath</c>) one value set at a dotted path.
/// </summary>
/// <param name="Document">The parsed YAML at <c>valuesKey</c> (default <c>values.yaml</c>); null with a target path.</param>
/// <param name="TargetPath">Where <paramref name="Value"/> goes, e.g. <c>image.tag</c>.</param>
/// <param name="Value">The raw value for <paramref name="TargetPath"/>.</param>
public sealed record ValuesReference(JsonNode? Document, string? TargetPath, string? Value);
