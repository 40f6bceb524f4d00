using System.Globalization;
using System.Text;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>
/// Text from registries and clusters made harmless for a terminal: every control character (C0 with
/// ESC, DEL, C1), every invisible format character (bidi overrides such as U+202E, zero-width ones) and
/// the Unicode line separators are shown escaped (<c>\x1b</c>, <c>\u202e</c>), so no ESC sequence,
/// OSC 8 link or OSC 52 clipboard write from a tag or an object name reaches the terminal, and no text
/// reads backwards. Applied where text is rendered for a person, once per string.
/// </summary>
internal static class TerminalText
{
    /// <summary>One line: newlines and tabs are escaped too, so a value cannot forge a line of its own.</summary>
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(IsUnsafe))
        {
            return text ?? "";
        }

        var safe = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (!IsUnsafe(c))
            {
                safe.Append(c);
            }
            else if (c <= '\u00ff')
            {
                safe.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
            }
            else
            {
                safe.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
        }

        return safe.ToString();
    }

    /// <summary>Text of several lines (an exception with its stack): each line made <see cref="Safe"/>, the line breaks kept.</summary>
    public static string SafeLines(string? text) =>
        text is null ? "" : string.Join('\n', text.Split('\n').Select(line => Safe(line.EndsWith('\r') ? line[..^1] : line)));

    public static bool IsUnsafe(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
