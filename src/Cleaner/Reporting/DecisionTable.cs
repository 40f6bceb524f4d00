using System.Collections.Immutable;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>
/// A package's decisions in the look of Spectre's simple table (blank edges, a rule under the header,
/// three spaces between columns), written line by line and never wider than the terminal. Where the
/// reasons fit beside the other columns they wrap inside their column; where they do not (80 columns),
/// each row's reasons go on lines of their own below it, indented, at the terminal's width. If the row
/// is still too wide, columns give way in the order a person needs them least: the digest shortens to
/// 7 characters (as git's short ids), then the action, the date and last the version are cut with an
/// ellipsis.
/// </summary>
internal sealed class DecisionTable(ImmutableArray<DecisionTable.Row> rows)
{
    /// <summary>Reasons narrower than this go below their row rather than beside it.</summary>
    public const int ReasonMinimum = 30;

    private const int Indent = 4;
    private static readonly string[] Headers = ["action", "version", "digest", "created", "why"];

    /// <summary>One line of the table; every text is already <see cref="TerminalText.Safe"/>.</summary>
    public sealed record Row(string Action, string Class, string Version, string Digest, string Created, ImmutableArray<string> Why);

    public void Write(TextWriter output, ReportLook look)
    {
        var widths = Fit(look.Width, out var below);
        var columns = below ? 4 : 5;
        var total = below ? look.Width : 2 + widths.Take(columns).Sum() + (3 * (columns - 1)) + 2;
        output.WriteLine(new string(' ', total));
        Line(output, widths, Headers[..columns], null, look);
        output.WriteLine(new string('─', total));
        foreach (var row in rows)
        {
            string[] cells = [row.Action, row.Version, row.Digest, row.Created];
            if (below)
            {
                Line(output, widths, cells, row.Class, look);
                foreach (var line in row.Why.SelectMany(w => TextWrap.Lines(w, look.Width - Indent - 2)))
                {
                    output.Write(new string(' ', Indent));
                    output.WriteLine(line);
                }

                continue;
            }

            var why = row.Why.SelectMany(w => TextWrap.Lines(w, widths[4])).DefaultIfEmpty("").ToList();
            for (var i = 0; i < why.Count; i++)
            {
                Line(output, widths, i == 0 ? [.. cells, why[i]] : ["", "", "", "", why[i]], i == 0 ? row.Class : null, look);
            }
        }

        output.WriteLine(new string(' ', total));
    }

    /// <summary>The widths of the five columns in <paramref name="width"/>, and whether the reasons go below their rows.</summary>
    private int[] Fit(int width, out bool below)
    {
        int[] widths = [Widest(0, r => [r.Action]), Widest(1, r => [r.Version]), Widest(2, r => [r.Digest]), Widest(3, r => [r.Created]), Widest(4, r => r.Why)];
        var room = width - (2 + widths[..4].Sum() + (3 * 4) + 2);
        below = room < Math.Min(widths[4], ReasonMinimum);
        if (!below)
        {
            widths[4] = Math.Min(widths[4], room);
            return widths;
        }

        // Below: the row holds four columns; take what is too much from the least needed first.
        var excess = 2 + widths[..4].Sum() + (3 * 3) + 2 - width;
        foreach (var (column, minimum) in new[] { (2, 7), (0, 13), (3, 10), (1, 12) })
        {
            // A digest is either the usual 12 or git's short 7, never something between.
            var cut = column == 2 && excess > 0 ? Math.Max(0, widths[column] - minimum) : Math.Clamp(excess, 0, Math.Max(0, widths[column] - minimum));
            widths[column] -= cut;
            excess -= cut;
        }

        return widths;

        int Widest(int column, Func<Row, IEnumerable<string>> cells) =>
            Math.Max(Headers[column].Length, rows.SelectMany(cells).Select(c => c.Length).DefaultIfEmpty(0).Max());
    }

    private static void Line(TextWriter output, int[] widths, string[] cells, string? actionClass, ReportLook look)
    {
        output.Write("  ");
        for (var c = 0; c < cells.Length; c++)
        {
            var cell = Cut(cells[c], widths[c], ellipsis: c != 2);
            var colour = c == 0 && look.Colour && actionClass is not null && cell.Length > 0 ? actionClass switch { "keep" => "\u001b[32m", "blocked" => "\u001b[93m", _ => "\u001b[91m" } : null;
            output.Write(colour is null ? cell : $"{colour}{cell}\u001b[0m");
            output.Write(new string(' ', widths[c] - cell.Length + (c < cells.Length - 1 ? 3 : 2)));
        }

        output.WriteLine();
    }

    /// <summary>Cut to <paramref name="width"/> at a word where one ends near, with "…"; a digest is a prefix already and loses none.</summary>
    private static string Cut(string text, int width, bool ellipsis)
    {
        if (text.Length <= width)
        {
            return text;
        }

        return ellipsis ? text[..(width - 1)].TrimEnd(' ', '—', '–', '…') + "…" : text[..width];
    }
}
