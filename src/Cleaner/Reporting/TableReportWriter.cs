using System.Collections.Immutable;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>
/// The terminal report (Spectre.Console): the run at the top, then one table per package with runs of
/// like decisions collapsed and reasons in words, then the totals. Fits <see cref="ReportLook.Width"/>.
/// </summary>
internal static class TableReportWriter
{
    public static string Write(RunReport report, ReportLook look)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        Write(report, look, text);
        return text.ToString();
    }

    /// <summary>Renders part by part (a package's table at a time) to <paramref name="output"/>, never the whole report at once.</summary>
    public static void Write(RunReport report, ReportLook look, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = look.Colour ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = look.Colour ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = look.Width;
        foreach (var part in Parts(report, look))
        {
            if (part is DecisionRows rows)
            {
                // Rendered by hand: Spectre takes ~150 µs a row, 10 s for the 88,000 rows of 100k versions.
                console.Profile.Out.Writer.Flush();
                rows.Write(output, look);
                continue;
            }

            console.Write(part);
        }
    }

    private static IEnumerable<IRenderable> Parts(RunReport report, ReportLook look)
    {
        yield return new Markup($"[bold]{Markup.Escape(ReportHeadline.Title(report, look.ToolVersion))}[/]{Environment.NewLine}");
        yield return new Text(ReportHeadline.Numbers(report) + Environment.NewLine);
        if (report.Summary.BlockedReason is { } blocked)
        {
            yield return new Panel(new Text($"BLOCKED — nothing is deleted: {blocked}", new Style(Color.Red, decoration: Decoration.Bold))) { Border = BoxBorder.Heavy, BorderStyle = new Style(Color.Red), Expand = true };
        }

        foreach (var warning in report.Warnings)
        {
            yield return new Markup($"[yellow]warning[/] {Markup.Escape($"{warning.Kind}: {warning.Detail}")}{Environment.NewLine}");
        }

        yield return Sources(report);
        foreach (var group in PackageGroup.Of(report))
        {
            yield return new Rule($"[bold]{Markup.Escape(group.Title)}[/] {Markup.Escape(ReportHeadline.Totals(group))}") { Justification = Justify.Left };
            yield return Decisions(group, report);
        }

        yield return Totals(report);
    }

    private static Table Sources(RunReport report)
    {
        var table = new Table { Border = TableBorder.Simple, Title = new TableTitle("sources") }.AddColumns("source", "status", "what it said");
        foreach (var s in report.Sources)
        {
            var said = string.Join("; ", new[] { s.References is { } n ? $"{n} references" : null, s.Baseline is { } b ? $"baseline {b}" : null, s.Error }.Concat(s.Notes ?? []).OfType<string>());
            table.AddRow(new Text(s.Name), new Text(s.Status, s.Status == "ok" ? Style.Plain : new Style(Color.Red)), new Text(said));
        }

        return table;
    }

    private static DecisionRows Decisions(PackageGroup group, RunReport report) =>
        new([.. DecisionRun.Collapse(group.Decisions).Select(run =>
        {
            var created = run.First.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var why = string.Join(Environment.NewLine, run.First.Reasons.Select(ReasonText.Of)) + (run.First.ResultDetail is { } detail ? $" — {detail}" : "");
            return new DecisionRow(ActionText.Of(run.First, report), ActionText.Class(run.First, report), Short(run.Versions), created, why);
        })]);

    private sealed record DecisionRow(string Action, string Class, string Version, string Created, string Why);

    /// <summary>
    /// A package's decisions in the look of Spectre's simple table (blank edges, a rule under the
    /// header, three spaces between columns, the last column wrapped at words into the width left),
    /// written line by line.
    /// </summary>
    private sealed class DecisionRows(ImmutableArray<DecisionRow> rows) : IRenderable
    {
        private static readonly string[] Headers = ["action", "version", "created", "why"];

        public void Write(TextWriter output, ReportLook look)
        {
            int[] widths = [Widest(0, r => r.Action), Widest(1, r => r.Version), Widest(2, r => r.Created), 0];
            var fixedWidth = 2 + widths[0] + 3 + widths[1] + 3 + widths[2] + 3 + 2;
            var whyLongest = Math.Max(Headers[3].Length, rows.SelectMany(r => r.Why.Split(Environment.NewLine)).Select(l => l.Length).DefaultIfEmpty(0).Max());
            widths[3] = Math.Min(whyLongest, Math.Max(12, look.Width - fixedWidth));
            var total = fixedWidth + widths[3];
            output.WriteLine(new string(' ', total));
            Line(output, widths, Headers, null, look);
            output.WriteLine(new string('─', total));
            foreach (var row in rows)
            {
                var why = Wrap(row.Why, widths[3]);
                for (var i = 0; i < why.Count; i++)
                {
                    Line(output, widths, i == 0 ? [row.Action, row.Version, row.Created, why[i]] : ["", "", "", why[i]], i == 0 ? row.Class : null, look);
                }
            }

            output.WriteLine(new string(' ', total));

            int Widest(int column, Func<DecisionRow, string> cell) => Math.Max(Headers[column].Length, rows.Select(r => cell(r).Length).DefaultIfEmpty(0).Max());
        }

        public Measurement Measure(RenderOptions options, int maxWidth) => new(0, maxWidth);

        public IEnumerable<Segment> Render(RenderOptions options, int maxWidth) => throw new NotSupportedException("written with Write, not rendered by Spectre");

        private static void Line(TextWriter output, int[] widths, string[] cells, string? actionClass, ReportLook look)
        {
            output.Write("  ");
            var colour = look.Colour && actionClass is not null && cells[0].Length > 0 ? actionClass switch { "keep" => "\u001b[32m", "blocked" => "\u001b[93m", _ => "\u001b[91m" } : null;
            output.Write(colour is null ? cells[0] : $"{colour}{cells[0]}\u001b[0m");
            output.Write(new string(' ', widths[0] - cells[0].Length + 3));
            for (var c = 1; c < cells.Length; c++)
            {
                output.Write(cells[c]);
                output.Write(new string(' ', widths[c] - cells[c].Length + (c < cells.Length - 1 ? 3 : 2)));
            }

            output.WriteLine();
        }

        /// <summary>Each line of <paramref name="text"/> filled word by word to <paramref name="width"/>; a longer word is cut.</summary>
        private static List<string> Wrap(string text, int width)
        {
            var lines = new List<string>();
            foreach (var paragraph in text.Split(Environment.NewLine))
            {
                var line = new System.Text.StringBuilder();
                foreach (var word in paragraph.Split(' '))
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
            }

            return lines;
        }
    }

    /// <summary>A digest version in 20 characters (<c>sha256:4f5a0c1e2d3b…</c>): the table is for reading, the JSON has it whole.</summary>
    private static string Short(string versions) =>
        versions.StartsWith("sha256:", StringComparison.Ordinal) && versions.Length > 20 ? versions[..19] + "…" : versions;

    private static Table Totals(RunReport report)
    {
        var table = new Table { Border = TableBorder.Simple, Title = new TableTitle("totals") }.AddColumns("package", "versions", "keep", "delete", "reclaimable");
        foreach (var column in table.Columns.Skip(1))
        {
            column.RightAligned();
        }

        foreach (var g in PackageGroup.Of(report))
        {
            table.AddRow(g.Title, $"{g.Decisions.Length}", $"{g.Keep}", $"{g.Delete}", g.ReclaimableBytes is { } b ? ByteSize.Of(b) : "—");
        }

        var s = report.Summary;
        table.AddRow("[bold]all packages[/]", $"[bold]{s.Versions}[/]", $"[bold]{s.Keep}[/]", $"[bold]{s.Delete}[/]", s.ReclaimableBytes is { } all ? $"[bold]{ByteSize.Of(all)}[/]" : "—");
        return table;
    }
}
