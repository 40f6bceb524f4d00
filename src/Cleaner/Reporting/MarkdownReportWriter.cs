using System.Globalization;
using System.Text;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>
/// A Markdown report for an issue or a PR comment: summary, warnings, one <c>&lt;details&gt;</c> per
/// package. Every string from a registry or a cluster goes through <see cref="MarkdownText"/> (or is
/// HTML-encoded inside the HTML of <c>&lt;details&gt;</c>), so none can open a link, an image or HTML.
/// </summary>
internal static class MarkdownReportWriter
{
    public static string Write(RunReport report, ReportLook look)
    {
        var md = new StringBuilder();
        md.AppendLine($"### {ReportHeadline.Title(report, look.ToolVersion)}").AppendLine();
        if (report.Summary.BlockedReason is { } blocked)
        {
            md.AppendLine($"> [!CAUTION]").AppendLine($"> **BLOCKED — nothing is deleted:** {MarkdownText.Text(blocked)}").AppendLine();
        }

        var s = report.Summary;
        md.AppendLine("| versions | keep | delete | deleted | failed | reclaimable |").AppendLine("|---:|---:|---:|---:|---:|---:|");
        md.AppendLine(CultureInfo.InvariantCulture, $"| {s.Versions} | {s.Keep} | {s.Delete}{(s.Blocked ? " (blocked)" : "")} | {s.Deleted} | {s.Failed} | {(s.ReclaimableBytes is { } b ? ByteSize.Of(b) : "—")} |").AppendLine();
        if (!report.Warnings.IsEmpty)
        {
            md.AppendLine("**Warnings**").AppendLine();
            foreach (var w in report.Warnings)
            {
                md.AppendLine($"- {MarkdownText.Code(w.Kind.Name)}: {MarkdownText.Text(w.Detail)}");
            }

            md.AppendLine();
        }

        if (report.Rollback is { IsEmpty: false } rollback)
        {
            md.AppendLine("**Rollback window**").AppendLine();
            foreach (var line in rollback)
            {
                md.AppendLine($"- {MarkdownText.Text(line.Detail)}");
            }

            md.AppendLine();
        }

        md.AppendLine("| source | status | what it said |").AppendLine("|---|---|---|");
        foreach (var source in report.Sources)
        {
            var said = SourceSaid.Of(source);
            md.AppendLine($"| {MarkdownText.Code(source.Name)} | {(source.Status == "ok" ? "ok" : "**failed**")} | {MarkdownText.Text(said)} |");
        }

        foreach (var group in PackageGroup.Of(report))
        {
            md.AppendLine().AppendLine($"<details><summary><b>{Html(group.Title)}</b> — {Html(ReportHeadline.Totals(group))}</summary>").AppendLine();
            md.AppendLine("| action | version | digest | created | why |").AppendLine("|---|---|---|---|---|");
            foreach (var run in DecisionRun.Collapse(group.Decisions))
            {
                var why = ReasonText.Join(run.First) + (run.First.ResultDetail is { } detail ? $" — {detail}" : "");
                var digest = run.Digest is "" or DecisionRun.SeveralDigests ? run.Digest : MarkdownText.Code(run.Digest);
                md.AppendLine(CultureInfo.InvariantCulture, $"| {ActionText.Of(run.First, report)} | {MarkdownText.Code(run.Versions)} | {digest} | {run.Created} | {MarkdownText.Text(why)} |");
            }

            md.AppendLine().AppendLine("</details>");
        }

        return md.ToString();
    }

    private static string Html(string text) => System.Net.WebUtility.HtmlEncode(TerminalText.Safe(text));
}
