using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;

namespace OciCleanup.Pins.Kubernetes;

/// <summary>
/// Go (RE2) patterns, as Flux writes them in <c>filterTags.pattern</c>, run by .NET in linear time
/// (<see cref="RegexOptions.NonBacktracking"/>), so no tag anyone pushes can stall a run. The Go-only
/// syntax is translated: <c>(?P&lt;name&gt;…)</c> becomes <c>(?&lt;name&gt;…)</c> and the ASCII classes
/// such as <c>[[:digit:]]</c> become ranges. Syntax RE2 rejects and .NET would only run by
/// backtracking (lookaround, backreferences, atomic groups) is refused, never run slowly.
/// </summary>
public static class GoRegex
{
    private static readonly FrozenDictionary<string, string> PosixClasses = new Dictionary<string, string>
    {
        ["alnum"] = "0-9A-Za-z",
        ["alpha"] = "A-Za-z",
        ["ascii"] = @"\x00-\x7F",
        ["blank"] = @"\t ",
        ["cntrl"] = @"\x00-\x1F\x7F",
        ["digit"] = "0-9",
        ["graph"] = @"\x21-\x7E",
        ["lower"] = "a-z",
        ["print"] = @"\x20-\x7E",
        ["punct"] = @"\x21-\x2F\x3A-\x40\x5B-\x60\x7B-\x7E",
        ["space"] = @"\t\n\v\f\r ",
        ["upper"] = "A-Z",
        ["word"] = "0-9A-Za-z_",
        ["xdigit"] = "0-9A-Fa-f",
    }.ToFrozenDictionary();

    /// <summary>Compiles <paramref name="pattern"/>; on failure <paramref name="error"/> says why (does not parse, or cannot run in linear time).</summary>
    public static bool TryCompile(string pattern, [NotNullWhen(true)] out Regex? regex, [NotNullWhen(false)] out string? error)
    {
        regex = null;
        try
        {
            regex = new Regex(ToDotNet(pattern), RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
            error = null;
            return true;
        }
        catch (NotSupportedException e)
        {
            error = $"cannot run in linear time: {e.Message}";
        }
        catch (ArgumentException e)
        {
            error = $"does not parse: {e.Message}";
        }

        return false;
    }

    /// <summary>The .NET spelling of a Go pattern; throws <see cref="ArgumentException"/> for a POSIX class it does not know (or a negated one).</summary>
    public static string ToDotNet(string pattern)
    {
        var text = new StringBuilder(pattern.Length);
        var inClass = false;
        var classStart = -1;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                text.Append(c).Append(pattern[++i]);
            }
            else if (inClass && c == '[' && pattern.AsSpan(i).StartsWith("[:") && pattern.IndexOf(":]", i + 2, StringComparison.Ordinal) is > 0 and var end)
            {
                var name = pattern[(i + 2)..end];
                text.Append(PosixClasses.TryGetValue(name, out var ranges) ? ranges : throw new ArgumentException($"POSIX class [:{name}:] is not supported", nameof(pattern)));
                i = end + 1;
            }
            else if (inClass)
            {
                // A ']' right after '[' or '[^' is a literal in both dialects.
                inClass = c != ']' || i == classStart;
                text.Append(c);
            }
            else if (c == '[')
            {
                inClass = true;
                classStart = i + 1 < pattern.Length && pattern[i + 1] == '^' ? i + 2 : i + 1;
                text.Append(c);
            }
            else if (c == '(' && pattern.AsSpan(i).StartsWith("(?P<"))
            {
                text.Append("(?<");
                i += 3;
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
