using System.Text.Json;
using System.Text.Json.Nodes;

namespace OciCleanup.Pins.Kubernetes;

/// <summary>Small helpers over JSON trees of Kubernetes objects.</summary>
public static class JsonTree
{
    /// <summary>A scalar as text (strings as they are, numbers and booleans as written); null otherwise.</summary>
    public static string? Text(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.ToJsonString(),
            _ => null,
        }
        : null;

    /// <summary>The text at a dotted path such as <c>metadata.name</c>, or null.</summary>
    public static string? At(JsonNode? node, string path) => Text(Node(node, path));

    /// <summary>The node at a dotted path, or null.</summary>
    public static JsonNode? Node(JsonNode? node, string path)
    {
        foreach (var key in path.Split('.'))
        {
            node = node is JsonObject o && o.TryGetPropertyValue(key, out var child) ? child : null;
        }

        return node;
    }

    /// <summary>
    /// Every <c>image</c> string in a manifest tree (containers, image volumes' <c>reference</c>), with its
    /// JSON path, in document order. Walks with an explicit stack: a deep tree cannot overflow it.
    /// </summary>
    public static IEnumerable<FoundImage> ManifestImages(JsonNode? node) =>
        ImageWalk.Find(
            node,
            (_, _) => null,
            (o, path, key, child) => key != "image" ? null
                : Text(child) is { Length: > 0 } image ? new FoundImage(image, At(o, "name") ?? path.Child(key).ToString())
                : child is JsonObject volume && At(volume, "reference") is { Length: > 0 } reference ? new FoundImage(reference, path.Child(key).ToString())
                : null);
}
