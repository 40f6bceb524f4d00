using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OciCleanup.Pins.Kubernetes;

/// <summary>
/// Multi-document YAML (a rendered Helm manifest, a values file) as JSON trees. Scalars stay
/// strings, so a tag such as <c>1.10</c> is not turned into the number 1.1.
/// </summary>
public static class YamlDocuments
{
    /// <summary>Parses every document; throws <see cref="YamlException"/> on malformed YAML.</summary>
    public static IReadOnlyList<JsonNode> Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return [.. stream.Documents.Select(d => Convert(d.RootNode)).OfType<JsonNode>()];
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children
            .Where(kv => kv.Key is YamlScalarNode)
            .GroupBy(kv => ((YamlScalarNode)kv.Key).Value ?? "")
            .Select(g => KeyValuePair.Create(g.Key, Convert(g.Last().Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(Convert)]),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" } => null,
        YamlScalarNode scalar => JsonValue.Create(scalar.Value ?? ""),
        _ => null,
    };
}
