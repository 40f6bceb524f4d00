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

    /// <summary>Every <c>image</c> string in a manifest tree (containers, image volumes' <c>reference</c>), with its JSON path.</summary>
    public static IEnumerable<FoundImage> ManifestImages(JsonNode? node, string path = "")
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o)
                {
                    var childPath = path.Length == 0 ? key : $"{path}.{key}";
                    if (key == "image" && Text(child) is { Length: > 0 } image)
                    {
                        var name = At(o, "name");
                        yield return new FoundImage(image, name ?? childPath);
                    }
                    else if (key == "image" && child is JsonObject volume && At(volume, "reference") is { Length: > 0 } reference)
                    {
                        yield return new FoundImage(reference, childPath);
                    }
                    else
                    {
                        foreach (var found in ManifestImages(child, childPath))
                        {
                            yield return found;
                        }
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    foreach (var found in ManifestImages(a[i], $"{path}[{i}]"))
                    {
                        yield return found;
                    }
                }

                break;
        }
    }
}
