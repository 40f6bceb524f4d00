using System.Collections.Immutable;
using System.Text;

namespace OciCleanup.Pins.DesiredState;

/// <summary>
/// Go's <c>Regexp.Expand</c> template syntax (Flux's <c>filterTags.extract</c>) as a .NET substitution.
/// Go: <c>$name</c> takes the longest run of letters, digits and <c>_</c> (<c>$1x</c> is <c>${1x}</c>),
/// <c>${name}</c> delimits it, a number names a group by position (no leading zeros), <c>$$</c> is a
/// <c>$</c>, a malformed <c>$</c> stays literal, and a group that does not exist expands to nothing.
/// .NET numbers named groups after unnamed ones and leaves unknown <c>${name}</c> as text, so references
/// are rewritten to the .NET name or number of the same group, and unknown ones dropped.
/// </summary>
internal static class GoTemplate
{
    /// <summary>The .NET substitution for <paramref name="template"/> over a pattern with Go's <paramref name="groups"/>.</summary>
    public static string ToDotNet(string template, ImmutableArray<string?> groups)
    {
        var sb = new StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            if (template[i] != '$')
            {
                sb.Append(template[i++]);
                continue;
            }

            if (i + 1 < template.Length && template[i + 1] == '$')
            {
                sb.Append("$$");
                i += 2;
                continue;
            }

            var brace = i + 1 < template.Length && template[i + 1] == '{';
            var start = i + (brace ? 2 : 1);
            var end = start;
            while (end < template.Length && (char.IsLetterOrDigit(template[end]) || template[end] == '_'))
            {
                end++;
            }

            if (end == start || (brace && (end >= template.Length || template[end] != '}')))
            {
                sb.Append("$$");
                i++;
                continue;
            }

            sb.Append(Reference(template[start..end], groups));
            i = end + (brace ? 1 : 0);
        }

        return sb.ToString();
    }

    private static string Reference(string name, ImmutableArray<string?> groups)
    {
        var numeric = name.All(char.IsAsciiDigit) && (name.Length == 1 || name[0] != '0') && name.Length <= 8;
        if (!numeric)
        {
            return groups.Contains(name) ? "${" + name + "}" : "";
        }

        var number = int.Parse(name, System.Globalization.CultureInfo.InvariantCulture);
        if (number == 0)
        {
            return "${0}";
        }

        if (number > groups.Length)
        {
            return "";
        }

        // .NET numbers the unnamed groups 1, 2, … in order; named ones are reached by name.
        return groups[number - 1] is { } groupName ? "${" + groupName + "}" : "${" + groups.Take(number).Count(g => g is null) + "}";
    }
}
