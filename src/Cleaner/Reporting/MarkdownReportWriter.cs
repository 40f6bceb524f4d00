using System.Text;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>A Markdown report, for pasting into an issue or a PR.</summary>
internal static class MarkdownReportWriter
{
    public static string Write(RunReport report)
    {
        var md = new StringBuilder();
        md.AppendLine($"# {PackageTotals.Headline(report)}").AppendLine();
        md.AppendLine("| source | status | references | error | notes |").AppendLine("|---|---|---|---|---|");
        foreach (var s in report.Sources)
        {
            md.AppendLine($"| {Cell(s.Name)} | {s.Status} | {s.References} | {Cell(s.Error ?? "")} | {Cell(string.Join("; ", s.Notes ?? []))} |");
        }

        md.AppendLine().AppendLine("| package | versions | keep | delete |").AppendLine("|---|---|---|---|");
        foreach (var t in PackageTotals.Of(report))
        {
            md.AppendLine($"| {Cell(t.Package)} | {t.Versions} | {t.Keep} | {t.Delete} |");
        }

        md.AppendLine().AppendLine("| action | package | version | created | reasons |").AppendLine("|---|---|---|---|---|");
        foreach (var d in report.Decisions)
        {
            md.AppendLine($"| {d.Action}{(d.Result is null ? "" : $" ({d.Result})")} | {Cell($"{d.Owner}/{d.Type}/{d.Package}")} | `{d.Version}` | {d.CreatedAt:yyyy-MM-dd} | {Cell(PackageTotals.Reasons(d))} |");
        }

        return md.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
