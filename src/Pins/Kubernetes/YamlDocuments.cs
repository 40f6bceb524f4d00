using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace OciCleanup.Pins.Kubernetes;

/// <summary>
/// Multi-document YAML (a rendered Helm manifest, a values file) as JSON trees. Scalars stay
/// strings, so a tag such as <c>1.10</c> is not turned into the number 1.1. Built from the parser's
/// events without recursion and within limits, so that no input can exhaust the stack or memory:
/// aliases are expanded against a node and a text budget (an alias bomb fails at once, before it
/// is built), and nesting is bounded.
/// </summary>
public static class YamlDocuments
{
    /// <summary>Nodes in all documents together, after expanding aliases.</summary>
    public const long MaxNodes = 1_000_000;

    /// <summary>Characters of scalar text in all documents together, after expanding aliases.</summary>
    public const long MaxScalarChars = 64L * 1024 * 1024;

    /// <summary>How deep mappings and sequences may nest.</summary>
    public const int MaxDepth = 256;

    /// <summary>Parses every document; throws <see cref="YamlDocumentException"/> on malformed YAML or past a limit.</summary>
    public static IReadOnlyList<JsonNode> Parse(string yaml) => [.. ParseWithLines(yaml).Select(d => d.Document)];

    /// <summary>As <see cref="Parse"/>, each document with the 1-based line it starts at (a Git source names lines).</summary>
    public static IReadOnlyList<(JsonNode Document, int Line)> ParseWithLines(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var budget = new YamlBudget();
        var documents = new List<(JsonNode, int)>();
        try
        {
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out var start))
            {
                // Anchors are scoped to their document; the budget is the stream's.
                if (new YamlTreeBuilder(budget).Read(parser) is { } root)
                {
                    documents.Add((root, (int)start.Start.Line));
                }

                parser.Consume<DocumentEnd>();
            }

            parser.Consume<StreamEnd>();
        }
        catch (YamlException e)
        {
            throw new YamlDocumentException($"malformed YAML at line {e.Start.Line}: {Reason(e.Message)}", (int)e.Start.Line, e);
        }

        return documents;
    }

    // YamlDotNet prefixes its messages with "(Line: 3, Col: 1, Idx: 20) - (Line: 3, Col: 2, Idx: 21): ".
    private static string Reason(string message) =>
        message.StartsWith("(Line", StringComparison.Ordinal) && message.IndexOf("): ", StringComparison.Ordinal) is > 0 and var cut
            ? message[(cut + 3)..]
            : message;
}
