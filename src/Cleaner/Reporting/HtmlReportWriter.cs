using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>
/// One self-contained HTML page to share (no external assets): the run at the top in large numbers,
/// warnings, a banner when blocked, then one collapsible table per package, sortable and filterable
/// by package, action, reason kind and source with an inline script that works offline.
/// </summary>
internal static class HtmlReportWriter
{
    private static readonly Lazy<string> Css = new(() => HtmlAssets.Read("report.css"));
    private static readonly Lazy<string> Script = new(() => HtmlAssets.Read("report.js"));

    public static string Write(RunReport report, ReportLook look)
    {
        var groups = PackageGroup.Of(report);
        var html = new StringBuilder();
        html.AppendLine("<!doctype html>").AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">");
        html.AppendLine($"<title>{E(ReportHeadline.Title(report, look.ToolVersion))}</title><style>{Css.Value}</style></head>");
        html.AppendLine($"<body class=\"{(report.Summary.Blocked ? "run-blocked" : "run-ok")}\"><header>");
        html.AppendLine($"<h1>oci-cleanup report — {E(report.Mode)}</h1><p class=\"meta\" id=\"meta\">{E(ReportHeadline.Title(report, look.ToolVersion))}</p>");
        if (report.Summary.BlockedReason is { } blocked)
        {
            html.AppendLine($"<div class=\"banner\" id=\"blocked\" role=\"alert\"><strong>BLOCKED — nothing is deleted</strong>{E(blocked)}</div>");
        }

        AppendNumbers(html, report);
        if (!report.Warnings.IsEmpty)
        {
            html.AppendLine("<ul class=\"warnings\" id=\"warnings\">");
            html.AppendJoin("", report.Warnings.Select(w => $"<li><b>{E(w.Kind.Name)}</b>: {E(w.Detail)}</li>")).AppendLine("</ul>");
        }

        if (report.Rollback is { IsEmpty: false } rollback)
        {
            html.AppendLine("<ul class=\"rollback\" id=\"rollback\">");
            html.AppendJoin("", rollback.Select(r => $"<li><b>rollback</b>: {E(r.Detail)}</li>")).AppendLine("</ul>");
        }

        html.AppendLine("</header><main>");
        HtmlSections.AppendSources(html, report);
        HtmlSections.AppendFilters(html, report, groups);
        foreach (var group in groups)
        {
            HtmlSections.AppendPackage(html, report, group);
        }

        html.AppendLine($"</main><script>{Script.Value}</script></body></html>");
        return html.ToString();
    }

    private static void AppendNumbers(StringBuilder html, RunReport report)
    {
        var s = report.Summary;
        ImmutableArray<(string Class, string Value, string Label)> numbers =
        [
            ("versions", $"{s.Versions}", "versions"),
            ("keep", $"{s.Keep}", "keep"),
            (s.Blocked ? "blocked" : "delete", $"{s.Delete}", s.Blocked ? "would delete — blocked" : report.Mode == "dry-run" ? "would delete" : "to delete"),
        ];
        if (report.Mode == "delete")
        {
            numbers = numbers.Add(("deleted", $"{s.Deleted}", "deleted")).Add(("failed", $"{s.Failed}", "failed"));
        }

        if (s.ReclaimableBytes is { } bytes)
        {
            numbers = numbers.Add(("bytes", ByteSize.Of(bytes), "reclaimable"));
        }

        html.Append("<div class=\"numbers\">");
        html.AppendJoin("", numbers.Select(n => string.Create(CultureInfo.InvariantCulture, $"<div class=\"number {n.Class}\" id=\"n-{n.Class}\"><b>{E(n.Value)}</b>{E(n.Label)}</div>")));
        html.AppendLine("</div>");
    }

    internal static string E(string? text) => System.Net.WebUtility.HtmlEncode(text ?? "");
}
