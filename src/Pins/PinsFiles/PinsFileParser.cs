using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace OciCleanup.Pins.PinsFiles;

/// <summary>Parses the pins file format (docs/references.md, "Pins files"). Pure: text in, rules and errors out.</summary>
public static partial class PinsFileParser
{
    /// <summary>Parses the whole text of a pins file named <paramref name="path"/>.</summary>
    public static PinsFile Parse(string path, string text)
    {
        var rules = ImmutableArray.CreateBuilder<PinRule>();
        var errors = ImmutableArray.CreateBuilder<PinsFileError>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            var line = StripComment(lines[i]).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (TryParseLine(line, new Protection.PinsLineOrigin(path, lineNumber), out var rule, out var error))
            {
                rules.Add(rule);
            }
            else
            {
                errors.Add(new PinsFileError(path, lineNumber, error));
            }
        }

        return new PinsFile(path, rules.ToImmutable(), errors.ToImmutable());
    }

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? line : line[..hash];
    }

    private static bool TryParseLine(string line, Protection.PinsLineOrigin location, out PinRule rule, out string error)
    {
        rule = null!;
        if (line.Any(char.IsWhiteSpace))
        {
            error = $"unexpected white space in '{line}' (one pin per line: [OWNER:]TYPE/NAME[==VERSION|@sha256:DIGEST])";
            return false;
        }

        var match = LinePattern().Match(line);
        if (!match.Success)
        {
            error = $"'{line}' is not a pin (expected [OWNER:]TYPE/NAME[==VERSION|@sha256:DIGEST])";
            return false;
        }

        var owner = match.Groups["owner"].Success ? match.Groups["owner"].Value : null;
        var type = match.Groups["type"].Value;
        var name = match.Groups["name"].Value;
        if (!PackageTypes.Known.Contains(type))
        {
            error = $"unknown package type '{type}' (known: {string.Join(", ", PackageTypes.Known.Order(StringComparer.Ordinal))})";
            return false;
        }

        if (name.Split('/').Any(segment => segment.Length == 0))
        {
            error = $"empty path segment in package name '{name}'";
            return false;
        }

        Glob? version = null;
        Digest? digest = null;
        if (match.Groups["version"].Success)
        {
            var text = match.Groups["version"].Value;
            if (text.Length == 0)
            {
                error = "empty version after '=='";
                return false;
            }

            version = new Glob(text);
        }
        else if (match.Groups["digest"].Success)
        {
            if (!Digest.TryParse(match.Groups["digest"].Value, out digest))
            {
                error = $"bad digest '{match.Groups["digest"].Value}' (expected sha256:<64 hex>)";
                return false;
            }
        }

        rule = new PinRule(owner, type, new Glob(name), version, digest, location);
        error = "";
        return true;
    }

    [GeneratedRegex(@"^(?:(?<owner>[A-Za-z0-9][A-Za-z0-9_.-]*):)?(?<type>[a-z0-9]+)/(?<name>[A-Za-z0-9_.*/+-]+?)(?:==(?<version>[A-Za-z0-9_.*:+-]*)|@(?<digest>[^@]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex LinePattern();
}
