using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace OciCleanup.Cleaner.Configuration;

/// <summary>
/// Reads one YAML mapping by key, remembering which keys were read so that
/// <see cref="RejectUnknownKeys"/> can name any typo with its path and line.
/// </summary>
internal sealed class YamlMapping
{
    private readonly YamlMappingNode _node;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public YamlMapping(string file, string path, YamlNode node)
    {
        File = file;
        Path = path;
        _node = node as YamlMappingNode ?? throw Error(node, "must be a mapping");
    }

    public string File { get; }

    public string Path { get; }

    public YamlNode? Node(string key)
    {
        _read.Add(key);
        return _node.Children.TryGetValue(new YamlScalarNode(key), out var value) && !IsNull(value) ? value : null;
    }

    public string? String(string key) => Node(key) is { } n ? Scalar(n, Child(key)) : null;

    public string RequiredString(string key) =>
        String(key) is { Length: > 0 } s ? s : throw new ConfigException(File, _node.Start.Line, Child(key), "is required");

    /// <summary>A whole number within bounds, so that no setting can overflow what it is turned into (days → TimeSpan).</summary>
    public int Int(string key, int fallback, int min, int max)
    {
        if (Node(key) is not { } n)
        {
            return fallback;
        }

        return int.TryParse(Scalar(n, Child(key)), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Error(n, Child(key), $"must be a whole number from {min} to {max}");
    }

    public double Fraction(string key, double fallback)
    {
        if (Node(key) is not { } n)
        {
            return fallback;
        }

        return double.TryParse(Scalar(n, Child(key)), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1
            ? value
            : throw Error(n, Child(key), "must be a number from 0 to 1");
    }

    public bool Bool(string key, bool fallback)
    {
        if (Node(key) is not { } n)
        {
            return fallback;
        }

        return Scalar(n, Child(key)) switch
        {
            "true" => true,
            "false" => false,
            var other => throw Error(n, Child(key), $"must be true or false, not '{other}'"),
        };
    }

    public IReadOnlyList<string> Strings(string key, IReadOnlyList<string> fallback)
    {
        if (Node(key) is not { } n)
        {
            return fallback;
        }

        if (n is not YamlSequenceNode sequence)
        {
            throw Error(n, Child(key), "must be a list");
        }

        return [.. sequence.Children.Select((item, i) => Scalar(item, $"{Child(key)}[{i}]"))];
    }

    public IEnumerable<YamlMapping> Mappings(string key)
    {
        if (Node(key) is not { } n)
        {
            return [];
        }

        return n is YamlSequenceNode sequence
            ? sequence.Children.Select((item, i) => new YamlMapping(File, $"{Child(key)}[{i}]", item))
            : throw Error(n, Child(key), "must be a list");
    }

    public YamlMapping? Mapping(string key) => Node(key) is { } n ? new YamlMapping(File, Child(key), n) : null;

    public void RejectUnknownKeys()
    {
        foreach (var (key, _) in _node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!_read.Contains(name))
            {
                throw new ConfigException(File, key.Start.Line, Child(name), "unknown key (a typo here could silently disable protection)");
            }
        }
    }

    public string Child(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public ConfigException Error(YamlNode node, string keyPath, string problem) => new(File, node.Start.Line, keyPath, problem);

    private ConfigException Error(YamlNode node, string problem) => new(File, node.Start.Line, Path.Length == 0 ? "(top level)" : Path, problem);

    private string Scalar(YamlNode node, string keyPath) =>
        node is YamlScalarNode { Value: { } value } ? value : throw Error(node, keyPath, "must be a single value");

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "" or "~" or "null" };
}
