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
            if (part is DecisionTable rows)
            {
                // Rendered by hand: Spectre takes ~150 µs a row, 10 s for the 88,000 rows of 100k versions.
                console.Profile.Out.Writer.Flush();
                rows.Write(output, look);
                continue;
            }

            console.Write((IRenderable)part);
        }
    }

    // Spectre renderables, and the decision tables written by hand.
    private static IEnumerable<object> Parts(RunReport report, ReportLook look)
    {
        yield return new Markup($"[bold]{Markup.Escape(TerminalText.Safe(ReportHeadline.Title(report, look.ToolVersion)))}[/]{Environment.NewLine}");
        yield return new Text(ReportHeadline.Numbers(report) + Environment.NewLine);
        if (report.Summary.BlockedReason is { } blocked)
        {
            yield return new Panel(new Text($"BLOCKED — nothing is deleted: {TerminalText.Safe(blocked)}", new Style(Color.Red, decoration: Decoration.Bold))) { Border = BoxBorder.Heavy, BorderStyle = new Style(Color.Red), Expand = true };
        }

        foreach (var warning in report.Warnings)
        {
            yield return new Markup($"[yellow]warning[/] {Markup.Escape(TerminalText.Safe($"{warning.Kind}: {warning.Detail}"))}{Environment.NewLine}");
        }

        foreach (var line in report.Rollback ?? [])
        {
            yield return new Markup($"[blue]rollback[/] {Markup.Escape(TerminalText.Safe(line.Detail))}{Environment.NewLine}");
        }

        yield return Sources(report);
        foreach (var group in PackageGroup.Of(report))
        {
            yield return new Rule($"[bold]{Markup.Escape(TerminalText.Safe(group.Title))}[/] {Markup.Escape(ReportHeadline.Totals(group))}") { Justification = Justify.Left };
            yield return Decisions(group, report);
        }

        yield return Totals(report);
    }

    private static Table Sources(RunReport report)
    {
        var table = new Table { Border = TableBorder.Simple, Title = new TableTitle("sources") }.AddColumns("source", "status", "what it said");
        foreach (var s in report.Sources)
        {
            var said = SourceSaid.Of(s);
            table.AddRow(new Text(TerminalText.Safe(s.Name)), new Text(TerminalText.Safe(s.Status), s.Status == "ok" ? Style.Plain : new Style(Color.Red)), new Text(TerminalText.Safe(said)));
        }

        return table;
    }

    private static DecisionTable Decisions(PackageGroup group, RunReport report) =>
        new([.. DecisionRun.Collapse(group.Decisions).Select(run => new DecisionTable.Row(
            ActionText.Of(run.First, report),
            ActionText.Class(run.First, report),
            TerminalText.Safe(Short(run.Versions)),
            TerminalText.Safe(run.Digest),
            run.Created,
            [.. run.First.Reasons.Select(r => TerminalText.Safe(ReasonText.Of(r))), .. run.First.ResultDetail is { } detail ? ["— " + TerminalText.Safe(detail)] : Array.Empty<string>()]))]);

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
            table.AddRow(Markup.Escape(TerminalText.Safe(g.Title)), $"{g.Decisions.Length}", $"{g.Keep}", $"{g.Delete}", g.ReclaimableBytes is { } b ? ByteSize.Of(b) : "—");
        }

        var s = report.Summary;
        table.AddRow("[bold]all packages[/]", $"[bold]{s.Versions}[/]", $"[bold]{s.Keep}[/]", $"[bold]{s.Delete}[/]", s.ReclaimableBytes is { } all ? $"[bold]{ByteSize.Of(all)}[/]" : "—");
        return table;
    }
}
