using System.Text;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>
/// Registry and cluster strings in Markdown (CommonMark with GitHub's tables and autolinks) so that none
/// can open a link, an image, emphasis or HTML, nor leave its table cell: names and versions go in code
/// spans fenced by more backticks than any run inside them; free text has its Markdown characters
/// backslash-escaped. Either way newlines become spaces and <c>|</c> is escaped for the table.
/// </summary>
internal static class MarkdownText
{
    /// <summary>
    /// A code span that cannot be broken out of: its fence is one backtick longer than the longest run
    /// inside, and a space pads each side when the text starts or ends with a backtick or a space
    /// (CommonMark strips one such space from each side, so the text comes out exactly as it was).
    /// </summary>
    public static string Code(string? text)
    {
        var flat = Flat(text ?? "");
        var fence = new string('`', LongestBacktickRun(flat) + 1);
        var pad = flat.Length == 0 || flat[0] is '`' or ' ' || flat[^1] is '`' or ' ' ? " " : "";
        return $"{fence}{pad}{flat.Replace("|", "\\|", StringComparison.Ordinal)}{pad}{fence}";
    }

    /// <summary>
    /// Words that read as plain text: every character that could start Markdown or HTML is escaped
    /// (<c>\[</c>, <c>\&lt;</c>, <c>\!</c>, <c>\*</c>, <c>\$</c> of GitHub's math…), and the <c>:</c> of
    /// <c>://</c>, the dot of <c>www.</c> and <c>@</c> too, so GitHub's autolinks of bare URLs and e-mail
    /// addresses do not fire.
    /// </summary>
    public static string Text(string? text)
    {
        var flat = Flat(text ?? "");
        var escaped = new StringBuilder(flat.Length + 16);
        for (var i = 0; i < flat.Length; i++)
        {
            var c = flat[i];
            // The autolinks: "www.", "scheme://", "user@host".
            var autolink = (c == '.' && i >= 3 && flat.AsSpan(i - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase))
                || (c == ':' && i + 1 < flat.Length && flat[i + 1] == '/') || c == '@';
            if (autolink || c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '!' or '|' or '~' or '&' or '$')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>One line, and no control character for the terminal the Markdown may be printed on.</summary>
    private static string Flat(string text) => TerminalText.Safe(text.ReplaceLineEndings(" "));

    private static int LongestBacktickRun(string text)
    {
        int longest = 0, run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
