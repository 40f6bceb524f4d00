using System.Globalization;
using System.Text;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>A Markdown report for an issue or a PR comment: summary, warnings, one <c>&lt;details&gt;</c> per package.</summary>
internal static class MarkdownReportWriter
{
    public static string Write(RunReport report, ReportLook look)
    {
        var md = new StringBuilder();
        md.AppendLine($"### {Escape(ReportHeadline.Title(report, look.ToolVersion))}").AppendLine();
        if (report.Summary.BlockedReason is { } blocked)
        {
            md.AppendLine($"> [!CAUTION]").AppendLine($"> **BLOCKED — nothing is deleted:** {Escape(blocked)}").AppendLine();
        }

        var s = report.Summary;
        md.AppendLine("| versions | keep | delete | deleted | failed | reclaimable |").AppendLine("|---:|---:|---:|---:|---:|---:|");
        md.AppendLine(CultureInfo.InvariantCulture, $"| {s.Versions} | {s.Keep} | {s.Delete}{(s.Blocked ? " (blocked)" : "")} | {s.Deleted} | {s.Failed} | {(s.ReclaimableBytes is { } b ? ByteSize.Of(b) : "—")} |").AppendLine();
        if (!report.Warnings.IsEmpty)
        {
            md.AppendLine("**Warnings**").AppendLine();
            foreach (var w in report.Warnings)
            {
                md.AppendLine($"- `{w.Kind}`: {Escape(w.Detail)}");
            }

            md.AppendLine();
        }

        md.AppendLine("| source | status | what it said |").AppendLine("|---|---|---|");
        foreach (var source in report.Sources)
        {
            var said = string.Join("; ", new[] { source.References is { } n ? $"{n} references" : null, source.Error }.Concat(source.Notes ?? []).OfType<string>());
            md.AppendLine($"| `{source.Name}` | {(source.Status == "ok" ? "ok" : "**failed**")} | {Escape(said)} |");
        }

        foreach (var group in PackageGroup.Of(report))
        {
            md.AppendLine().AppendLine($"<details><summary><b>{Html(group.Title)}</b> — {Html(ReportHeadline.Totals(group))}</summary>").AppendLine();
            md.AppendLine("| action | version | created | why |").AppendLine("|---|---|---|---|");
            foreach (var run in DecisionRun.Collapse(group.Decisions))
            {
                var why = ReasonText.Join(run.First) + (run.First.ResultDetail is { } detail ? $" — {detail}" : "");
                md.AppendLine(CultureInfo.InvariantCulture, $"| {ActionText.Of(run.First, report)} | `{run.Versions}` | {run.First.CreatedAt:yyyy-MM-dd} | {Escape(why)} |");
            }

            md.AppendLine().AppendLine("</details>");
        }

        return md.ToString();
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Html(string text) => System.Net.WebUtility.HtmlEncode(text);
}
