using System.Net;
using System.Text;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>A self-contained HTML page: what goes, what stays and why.</summary>
internal static class HtmlReportWriter
{
    public static string Write(RunReport report)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var html = new StringBuilder();
        html.AppendLine("<!doctype html><html><head><meta charset=\"utf-8\"><title>oci-cleanup report</title>");
        html.AppendLine("<style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}.delete{background:#fdd}.keep{background:#dfd}</style></head><body>");
        html.AppendLine($"<h1>{E(PackageTotals.Headline(report))}</h1>");
        html.AppendLine("<h2>Sources</h2><table><tr><th>source</th><th>status</th><th>references</th><th>error</th><th>notes</th></tr>");
        foreach (var s in report.Sources)
        {
            html.AppendLine($"<tr><td>{E(s.Name)}</td><td>{E(s.Status)}</td><td>{s.References}</td><td>{E(s.Error)}</td><td>{E(string.Join("; ", s.Notes ?? []))}</td></tr>");
        }

        html.AppendLine("</table><h2>Totals</h2><table><tr><th>package</th><th>versions</th><th>keep</th><th>delete</th></tr>");
        foreach (var t in PackageTotals.Of(report))
        {
            html.AppendLine($"<tr><td>{E(t.Package)}</td><td>{t.Versions}</td><td>{t.Keep}</td><td>{t.Delete}</td></tr>");
        }

        html.AppendLine("</table><h2>Decisions</h2><table><tr><th>action</th><th>package</th><th>version</th><th>created</th><th>reasons</th></tr>");
        foreach (var d in report.Decisions)
        {
            html.AppendLine($"<tr class=\"{E(d.Action)}\"><td>{E(d.Action)} {E(d.Result)}</td><td>{E($"{d.Owner}/{d.Type}/{d.Package}")}</td><td>{E(d.Version)}</td><td>{d.CreatedAt:yyyy-MM-dd HH:mm}</td><td>{E(PackageTotals.Reasons(d))}</td></tr>");
        }

        html.AppendLine("</table></body></html>");
        return html.ToString();
    }
}
