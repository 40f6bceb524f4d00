using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace OciCleanup.Pins.DesiredState;

/// <summary>Translates Go (RE2) pattern syntax to .NET's and lists Go's capture groups in Go's order.</summary>
internal static class GoPatternSyntax
{
    public static bool TryTranslate(string pattern, out string dotNet, out ImmutableArray<string?> groups, out string error)
    {
        var sb = new StringBuilder(pattern.Length);
        var names = ImmutableArray.CreateBuilder<string?>();
        dotNet = "";
        groups = [];
        error = "";
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length && pattern[i + 1] == 'Q')
            {
                var end = pattern.IndexOf(@"\E", i + 2, StringComparison.Ordinal);
                sb.Append(Regex.Escape(pattern[(i + 2)..(end < 0 ? pattern.Length : end)]));
                i = end < 0 ? pattern.Length : end + 2;
            }
            else if (c == '\\')
            {
                sb.Append(pattern, i, Math.Min(2, pattern.Length - i));
                i += 2;
            }
            else if (c == '[')
            {
                var end = ClassEnd(pattern, i);
                var body = end < 0 ? "" : pattern[i..(end + 1)];
                if (end < 0 || body.Contains("-[", StringComparison.Ordinal) || PosixClasses.Translate(body) is not { } translated)
                {
                    error = $"does not parse: the character class at {i} is not one oci-cleanup reads like Go does";
                    return false;
                }

                sb.Append(translated);
                i = end + 1;
            }
            else if (c == '(' && NamedGroup(pattern, i) is { } named)
            {
                names.Add(named.Name);
                sb.Append("(?<").Append(named.Name).Append('>');
                i = named.End;
            }
            else
            {
                if (c == '(' && (i + 1 >= pattern.Length || pattern[i + 1] != '?'))
                {
                    names.Add(null);
                }

                sb.Append(c);
                i++;
            }
        }

        dotNet = sb.ToString();
        groups = names.ToImmutable();
        return true;
    }

    // "(?P<name>" (and Go 1.22's "(?<name>"): the name and where the group's body starts.
    private static (string Name, int End)? NamedGroup(string pattern, int i)
    {
        var start = pattern.AsSpan(i).StartsWith("(?P<") ? i + 4 : pattern.AsSpan(i).StartsWith("(?<") ? i + 3 : -1;
        var close = start < 0 ? -1 : pattern.IndexOf('>', start);
        if (close <= start || !pattern[start..close].All(ch => char.IsLetterOrDigit(ch) || ch == '_'))
        {
            return null;
        }

        return (pattern[start..close], close + 1);
    }

    // The index of the ']' closing the class opened at i ("[]a]" and "[^]a]" hold a literal ']',
    // "[[:digit:]]" a POSIX class), or -1.
    private static int ClassEnd(string pattern, int i)
    {
        var j = i + 1;
        if (j < pattern.Length && pattern[j] == '^')
        {
            j++;
        }

        if (j < pattern.Length && pattern[j] == ']')
        {
            j++;
        }

        for (; j < pattern.Length; j++)
        {
            if (pattern[j] == '\\')
            {
                j++;
            }
            else if (pattern.AsSpan(j).StartsWith("[:") && pattern.IndexOf(":]", j + 2, StringComparison.Ordinal) is > 0 and var posixEnd)
            {
                j = posixEnd + 1; // a POSIX class such as [:digit:] inside the class
            }
            else if (pattern[j] == ']')
            {
                return j;
            }
        }

        return -1;
    }
}
