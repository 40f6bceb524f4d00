using System.Globalization;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>The lines every report for a person starts with, written once so the formats agree.</summary>
internal static class ReportHeadline
{
    /// <summary><c>oci-cleanup 0.4.0 · dry-run · 2026-06-02 02:00:00 UTC (4 s)</c>.</summary>
    public static string Title(RunReport report, string toolVersion) =>
        string.Create(CultureInfo.InvariantCulture, $"oci-cleanup {toolVersion} · {report.Mode} · {report.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC ({(report.FinishedAt - report.StartedAt).TotalSeconds:0.#} s)");

    /// <summary><c>43 versions: 16 keep, 27 would delete, 1.2 MB reclaimable</c>.</summary>
    public static string Numbers(RunReport report)
    {
        var s = report.Summary;
        var deleteWord = s.Blocked ? "would delete (blocked)" : report.Mode == "dry-run" ? "would delete" : "to delete";
        var done = report.Mode == "delete" ? $", {s.Deleted} deleted, {s.Failed} failed" : "";
        var bytes = s.ReclaimableBytes is { } b ? $", {ByteSize.Of(b)} reclaimable" : "";
        return $"{Plural.Of(s.Versions, "version")}: {s.Keep} keep, {s.Delete} {deleteWord}{done}{bytes}";
    }

    /// <summary><c>43 versions · 16 keep · 27 delete</c> for one package.</summary>
    public static string Totals(PackageGroup group) =>
        $"{group.Decisions.Length} versions · {group.Keep} keep · {group.Delete} delete" + (group.ReclaimableBytes is { } b ? $" · {ByteSize.Of(b)}" : "");
}
