using System.Text.Json.Nodes;

namespace OciCleanup.Pins.Kubernetes;

/// <summary>
/// The values Flux hands to Helm: every <c>valuesFrom</c> in order, deep-merged, with
/// <c>spec.values</c> merged last (it wins), as helm-controller does.
/// </summary>
public static class HelmReleaseValues
{
    /// <summary>Merges valuesFrom entries and the inline values into one tree.</summary>
    public static JsonObject Merge(IEnumerable<ValuesReference> valuesFrom, JsonNode? inline)
    {
        var merged = new JsonObject();
        foreach (var reference in valuesFrom)
        {
            if (reference.TargetPath is { } path)
            {
                SetAt(merged, path, reference.Value);
            }
            else if (reference.Document is JsonObject document)
            {
                DeepMerge(merged, document);
            }
        }

        if (inline is JsonObject values)
        {
            DeepMerge(merged, values);
        }

        return merged;
    }

    private static void DeepMerge(JsonObject into, JsonObject from)
    {
        foreach (var (key, value) in from)
        {
            if (value is JsonObject child && into[key] is JsonObject existing)
            {
                DeepMerge(existing, child);
            }
            else
            {
                into[key] = value?.DeepClone();
            }
        }
    }

    private static void SetAt(JsonObject root, string path, string? value)
    {
        var keys = path.Split('.');
        var node = root;
        foreach (var key in keys[..^1])
        {
            if (node[key] is not JsonObject next)
            {
                next = [];
                node[key] = next;
            }

            node = next;
        }

        node[keys[^1]] = value is null ? null : JsonValue.Create(value);
    }
}
