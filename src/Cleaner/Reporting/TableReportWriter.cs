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
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = look.Colour ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = look.Colour ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(text),
        });
        console.Profile.Width = look.Width;
        foreach (var part in Parts(report, look))
        {
            console.Write(part);
        }

        return text.ToString();
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

    private static Table Decisions(PackageGroup group, RunReport report)
    {
        var table = new Table { Border = TableBorder.Simple, ShowHeaders = true }.AddColumns("action", "version", "created", "why");
        table.Columns[0].NoWrap = true;
        table.Columns[1].NoWrap = true;
        table.Columns[2].NoWrap = true;
        foreach (var run in DecisionRun.Collapse(group.Decisions))
        {
            var action = ActionText.Of(run.First, report);
            var style = ActionText.Class(run.First, report) switch { "keep" => new Style(Color.Green), "blocked" => new Style(Color.Yellow), _ => new Style(Color.Red) };
            var created = run.First.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var why = string.Join(Environment.NewLine, run.First.Reasons.Select(ReasonText.Of)) + (run.First.ResultDetail is { } detail ? $" — {detail}" : "");
            table.AddRow(new Text(action, style), new Text(Short(run.Versions)), new Text(created), new Text(why));
        }

        return table;
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
