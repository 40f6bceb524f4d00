using System.Text;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>A plain-text report for a terminal: sources, every decision with its reasons, totals.</summary>
internal static class TableReportWriter
{
    public static string Write(RunReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(PackageTotals.Headline(report));
        text.AppendLine();
        text.AppendLine("Sources:");
        foreach (var s in report.Sources)
        {
            text.AppendLine($"  {s.Status,-7} {s.Name}{(s.References is { } n ? $" ({n} references)" : "")}{(s.Error is null ? "" : " — " + s.Error)}");
            foreach (var note in s.Notes ?? [])
            {
                text.AppendLine($"          note: {note}");
            }
        }

        text.AppendLine();
        var rows = report.Decisions.Select(d => new[]
        {
            d.Action.ToUpperInvariant() + (d.Result is null ? "" : $" [{d.Result}]"),
            $"{(d.Owner is null ? "" : d.Owner + "/")}{d.Type}/{d.Package}",
            d.Version,
            d.CreatedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            PackageTotals.Reasons(d) + (d.ResultDetail is null ? "" : $" — {d.ResultDetail}"),
        }).ToList();
        string[] header = ["ACTION", "PACKAGE", "VERSION", "CREATED", "REASONS"];
        var widths = Enumerable.Range(0, 4).Select(i => rows.Select(r => r[i].Length).Append(header[i].Length).Max()).ToArray();
        string Line(string[] cells) => string.Join("  ", cells.Take(4).Select((c, i) => c.PadRight(widths[i]))) + "  " + cells[4];
        text.AppendLine(Line(header));
        foreach (var row in rows)
        {
            text.AppendLine(Line(row));
        }

        text.AppendLine();
        text.AppendLine("Totals per package:");
        foreach (var t in PackageTotals.Of(report))
        {
            text.AppendLine($"  {t.Package}: {t.Versions} versions, keep {t.Keep}, delete {t.Delete}");
        }

        return text.ToString();
    }
}
