using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace OciCleanup.Pins.Kubernetes;

/// <summary>
/// Turns the events of one YAML document into a JSON tree with an explicit stack (no recursion).
/// Mapping keys that are not scalars are skipped with their values, as before; an alias is a copy of
/// its anchored node, paid for from the <see cref="YamlBudget"/> before it is made.
/// </summary>
internal sealed class YamlTreeBuilder(YamlBudget budget)
{
    private readonly Dictionary<string, YamlAnchored> _anchors = new(StringComparer.Ordinal);
    private readonly Stack<YamlOpenContainer> _open = new();

    /// <summary>Reads one node (the document's root) and everything inside it.</summary>
    public JsonNode? Read(IParser parser)
    {
        while (true)
        {
            var e = parser.Consume<ParsingEvent>();
            var line = (int)e.Start.Line;
            var top = _open.Count > 0 ? _open.Peek() : null;
            if (top is { Node: JsonObject, HasKey: false } || top is { SkipValue: true })
            {
                if (TakeKeyOrSkip(top, e, parser))
                {
                    continue;
                }
            }

            switch (e)
            {
                case Scalar s:
                    budget.Spend(1, s.Value.Length, line);
                    var scalar = s is { Style: ScalarStyle.Plain, Value: "" or "~" or "null" } ? null : JsonValue.Create(s.Value);
                    Anchor(s.Anchor, new YamlAnchored(scalar, 1, s.Value.Length, 0));
                    if (Attach(scalar, 0))
                    {
                        return scalar;
                    }

                    break;
                case AnchorAlias a:
                    var anchored = Lookup(a, line);
                    if (_open.Count + anchored.Height > YamlDocuments.MaxDepth)
                    {
                        throw TooDeep(line);
                    }

                    budget.Spend(anchored.Nodes, anchored.Chars, line);
                    var copy = anchored.Node?.DeepClone();
                    if (Attach(copy, anchored.Height))
                    {
                        return copy;
                    }

                    break;
                case MappingStart or SequenceStart:
                    if (_open.Count >= YamlDocuments.MaxDepth)
                    {
                        throw TooDeep(line);
                    }

                    budget.Spend(1, 0, line);
                    _open.Push(new YamlOpenContainer(e is MappingStart ? new JsonObject() : new JsonArray(), ((NodeEvent)e).Anchor, budget.Nodes - 1, budget.ScalarChars));
                    break;
                case MappingEnd or SequenceEnd:
                    var closed = _open.Pop();
                    var height = closed.Height + 1;
                    Anchor(closed.AnchorName, new YamlAnchored(closed.Node, budget.Nodes - closed.NodesBefore, budget.ScalarChars - closed.CharsBefore, height));
                    if (Attach(closed.Node, height))
                    {
                        return closed.Node;
                    }

                    break;
            }
        }
    }

    // In a key position: a scalar (or an alias of one) becomes the key; any other key is skipped with its value.
    // In a value position whose key was skipped: the value is skipped. True when the event was used up here.
    private bool TakeKeyOrSkip(YamlOpenContainer top, ParsingEvent e, IParser parser)
    {
        if (top.SkipValue)
        {
            SkipNested(e, parser);
            top.SkipValue = false;
            top.HasKey = false;
            return true;
        }

        if (e is MappingEnd)
        {
            return false;
        }

        top.HasKey = true;
        switch (e)
        {
            case Scalar s:
                budget.Spend(1, s.Value.Length, (int)e.Start.Line);
                Anchor(s.Anchor, new YamlAnchored(JsonValue.Create(s.Value), 1, s.Value.Length, 0));
                top.Key = s.Value;
                break;
            case AnchorAlias a when Lookup(a, (int)e.Start.Line).Node is JsonValue or null:
                top.Key = JsonTree.Text(Lookup(a, (int)e.Start.Line).Node) ?? "";
                break;
            default:
                SkipNested(e, parser);
                top.SkipValue = true;
                break;
        }

        return true;
    }

    private static void SkipNested(ParsingEvent e, IParser parser)
    {
        for (var depth = e is MappingStart or SequenceStart ? 1 : 0; depth > 0;)
        {
            depth += parser.Consume<ParsingEvent>() switch
            {
                MappingStart or SequenceStart => 1,
                MappingEnd or SequenceEnd => -1,
                _ => 0,
            };
        }
    }

    // Adds a finished node to the open container; true when there is none: the node is the document.
    private bool Attach(JsonNode? node, int height)
    {
        if (!_open.TryPeek(out var parent))
        {
            return true;
        }

        parent.Height = Math.Max(parent.Height, height);
        if (parent.Node is JsonArray array)
        {
            array.Add(node);
        }
        else
        {
            ((JsonObject)parent.Node)[parent.Key!] = node;
            parent.HasKey = false;
        }

        return false;
    }

    private void Anchor(AnchorName name, YamlAnchored node)
    {
        if (!name.IsEmpty)
        {
            _anchors[name.Value] = node;
        }
    }

    private YamlAnchored Lookup(AnchorAlias alias, int line) =>
        _anchors.TryGetValue(alias.Value.Value, out var anchored)
            ? anchored
            : throw new YamlDocumentException($"malformed YAML at line {line}: alias *{alias.Value.Value} names no anchor before it (or its own node)", line);

    private static YamlDocumentException TooDeep(int line) =>
        new($"YAML nested deeper than {YamlDocuments.MaxDepth} levels at line {line}", line);
}
