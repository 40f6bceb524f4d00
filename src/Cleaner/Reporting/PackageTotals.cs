namespace OciCleanup.Cleaner.Reporting;

/// <summary>Per-package counts for the human-readable reports.</summary>
internal sealed record PackageTotals(string Package, int Versions, int Keep, int Delete)
{
    public static IEnumerable<PackageTotals> Of(RunReport report) =>
        report.Decisions
            .GroupBy(d => $"{d.Registry}:{(d.Owner is null ? "" : d.Owner + "/")}{d.Type}/{d.Package}")
            .Select(g => new PackageTotals(g.Key, g.Count(), g.Count(d => d.Action == "keep"), g.Count(d => d.Action == "delete")));

    public static string Headline(RunReport report) =>
        $"oci-cleanup {report.Mode}: {report.Summary.Versions} versions, {report.Summary.Keep} keep, {report.Summary.Delete} delete"
        + (report.Mode == "delete" ? $", {report.Summary.Deleted} deleted, {report.Summary.Failed} failed" : "")
        + (report.Summary.Blocked ? $" — BLOCKED: {report.Summary.BlockedReason}" : "");

    public static string Reasons(DecisionEntry d) =>
        string.Join("; ", d.Reasons.Select(r => $"{r.Kind} ({r.Detail})"));
}
