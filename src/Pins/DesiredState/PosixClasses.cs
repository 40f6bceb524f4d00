using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace OciCleanup.Pins.DesiredState;

/// <summary>
/// RE2's ASCII classes inside a bracket expression (<c>[[:digit:]]</c>), which .NET does not know,
/// spelled as the ranges they stand for. A negated (<c>[:^digit:]</c>) or unknown one is not guessed.
/// </summary>
internal static partial class PosixClasses
{
    private static readonly FrozenDictionary<string, string> Ranges = new Dictionary<string, string>
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

    /// <summary>The bracket expression with its POSIX classes spelled out, or null when one cannot be.</summary>
    public static string? Translate(string bracket)
    {
        var unknown = false;
        var translated = PosixClass().Replace(bracket, m => Ranges.TryGetValue(m.Groups["name"].Value, out var ranges) ? ranges : Unknown(ref unknown));
        return unknown ? null : translated;
    }

    private static string Unknown(ref bool unknown)
    {
        unknown = true;
        return "";
    }

    [GeneratedRegex(@"\[:(?<name>\^?[a-z]*):\]", RegexOptions.CultureInvariant)]
    private static partial Regex PosixClass();
}
