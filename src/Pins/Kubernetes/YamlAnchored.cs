using System.Text.Json.Nodes;

namespace OciCleanup.Pins.Kubernetes;

/// <summary>An anchored YAML node and what one more copy of it (an alias) costs.</summary>
/// <param name="Node">The node as built.</param>
/// <param name="Nodes">Nodes in it, itself included.</param>
/// <param name="Chars">Characters of scalar text in it.</param>
/// <param name="Height">How many levels of nesting it adds where it is copied (0 for a scalar).</param>
internal sealed record YamlAnchored(JsonNode? Node, long Nodes, long Chars, int Height);
