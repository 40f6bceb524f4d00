using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using static OciCleanup.Cleaner.Reporting.HtmlReportWriter;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>The parts of the HTML report below its header: sources, filters, and one table per package.</summary>
internal static class HtmlSections
{
    public static void AppendSources(StringBuilder html, RunReport report)
    {
        html.AppendLine("<details class=\"sources\" open><summary>Sources</summary><table class=\"sources\"><thead><tr><th>source</th><th>status</th><th>what it said</th></tr></thead><tbody>");
        foreach (var s in report.Sources)
        {
            var said = SourceSaid.Of(s);
            html.AppendLine($"<tr><td>{E(s.Name)}</td><td class=\"{E(s.Status)}\">{E(s.Status)}</td><td>{E(said)}</td></tr>");
        }

        html.AppendLine("</tbody></table></details>");
    }

    public static void AppendFilters(StringBuilder html, RunReport report, ImmutableArray<PackageGroup> groups)
    {
        html.AppendLine("<div class=\"filters\" id=\"filters\">");
        Select(html, "package", "package", groups.Select(g => g.Key));
        Select(html, "action", "action", report.Decisions.Select(d => ActionText.Class(d, report)));
        Select(html, "kind", "reason kind", report.Decisions.SelectMany(d => d.Reasons.Select(r => r.Kind)));
        Select(html, "source", "source", report.Decisions.SelectMany(d => d.Reasons.Select(ReasonSource.Of)));
        html.AppendLine("<label>version or reason<input type=\"search\" data-filter=\"text\" id=\"filter-text\"></label>");
        html.AppendLine(CultureInfo.InvariantCulture, $"<span id=\"shown\">{report.Decisions.Length} of {report.Decisions.Length} versions shown</span></div>");
    }

    public static void AppendPackage(StringBuilder html, RunReport report, PackageGroup group)
    {
        html.AppendLine($"<details class=\"package\" open data-package=\"{E(group.Title)}\"><summary>{E(group.Title)} <span>{E(ReportHeadline.Totals(group))}</span></summary>");
        html.AppendLine("<table class=\"decisions\"><thead><tr><th data-sort=\"action\">action</th><th data-sort=\"version\">version</th><th data-sort=\"digest\">digest</th><th data-sort=\"created\">created</th><th data-sort=\"kind\">why</th></tr></thead><tbody>");
        foreach (var d in group.Decisions)
        {
            var css = ActionText.Class(d, report);
            var kinds = string.Join(' ', d.Reasons.Select(r => r.Kind).Distinct());
            var sources = string.Join(' ', d.Reasons.Select(ReasonSource.Of).Distinct());
            var why = string.Join("<br>", d.Reasons.Select(r => E(ReasonText.Of(r)))) + (d.ResultDetail is { } detail ? $"<br><i>{E(detail)}</i>" : "");
            html.AppendLine(CultureInfo.InvariantCulture,
                $"<tr class=\"decision {css}\" data-package=\"{E(group.Key)}\" data-action=\"{css}\" data-kind=\"{E(kinds)}\" data-source=\"{E(sources)}\" data-version=\"{E(d.Version)}\" data-digest=\"{E(ShortDigest.Of(d.Digest))}\" data-created=\"{d.CreatedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ss}\" data-text=\"{E($"{d.Version} {d.Digest} {ReasonText.Join(d)}")}\">"
                + $"<td class=\"action\">{E(ActionText.Of(d, report))}</td><td class=\"version\" title=\"{E(d.Digest)}\">{E(d.Version)}</td><td class=\"digest\" title=\"{E(d.Digest)}\">{E(ShortDigest.Of(d.Digest))}</td><td class=\"created\">{d.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm}</td><td class=\"why\">{why}</td></tr>");
        }

        html.AppendLine("</tbody></table></details>");
    }

    private static void Select(StringBuilder html, string key, string label, IEnumerable<string> values)
    {
        html.Append($"<label>{E(label)}<select data-filter=\"{key}\" id=\"filter-{key}\"><option value=\"\">all</option>");
        html.AppendJoin("", values.Distinct().Order(StringComparer.Ordinal).Select(v => $"<option>{E(v)}</option>"));
        html.AppendLine("</select></label>");
    }
}
