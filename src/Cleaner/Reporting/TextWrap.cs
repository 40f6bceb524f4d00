using System.Text;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>Fills text word by word into lines of a width, for the terminal's table; a longer word is cut.</summary>
internal static class TextWrap
{
    public static List<string> Lines(string text, int width)
    {
        width = Math.Max(1, width);
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            var rest = word;
            while (rest.Length > width)
            {
                if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }

                lines.Add(rest[..width]);
                rest = rest[width..];
            }

            line.Append(line.Length > 0 ? " " : "").Append(rest);
        }

        lines.Add(line.ToString());
        return lines;
    }
}
