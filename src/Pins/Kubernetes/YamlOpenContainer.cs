using System.Text.Json.Nodes;
using YamlDotNet.Core;

namespace OciCleanup.Pins.Kubernetes;

/// <summary>A mapping or sequence whose end the <see cref="YamlTreeBuilder"/> has not reached yet.</summary>
internal sealed class YamlOpenContainer(JsonNode node, AnchorName anchorName, long nodesBefore, long charsBefore)
{
    /// <summary>The <see cref="JsonObject"/> or <see cref="JsonArray"/> being filled.</summary>
    public JsonNode Node { get; } = node;

    public AnchorName AnchorName { get; } = anchorName;

    /// <summary>The budget spent before this container began, so that its own cost is known at its end.</summary>
    public long NodesBefore { get; } = nodesBefore;

    public long CharsBefore { get; } = charsBefore;

    /// <summary>In a mapping: the key whose value comes next.</summary>
    public string? Key { get; set; }

    public bool HasKey { get; set; }

    /// <summary>In a mapping: the key was not a scalar, so its value is skipped too.</summary>
    public bool SkipValue { get; set; }

    /// <summary>The greatest height of the children attached so far.</summary>
    public int Height { get; set; }
}
