using System.Globalization;
using System.Text;
using OciCleanup.Cleaner.Reporting;

namespace OciCleanup.Cleaner.Scheduling;

/// <summary>
/// The Prometheus view of the last run (text exposition format), for the daemon endpoint and the
/// textfile collector. <see cref="LastSuccessAt"/> and <see cref="RunsTotal"/> outlive one run: the
/// daemon keeps them in memory, a `run` reads them from the textfile it replaces.
/// </summary>
internal sealed record RunMetrics(DateTimeOffset FinishedAt, TimeSpan Duration, int ExitCode, Summary? Summary, int SourcesFailed, long RunsTotal, DateTimeOffset? LastSuccessAt, long? ReclaimableBytes)
{
    public static RunMetrics Of(RunReport? report, TimeSpan duration, int exitCode, DateTimeOffset finishedAt, long runsTotal, DateTimeOffset? lastSuccessBefore) =>
        new(finishedAt, duration, exitCode, report?.Summary, report?.Sources.Count(s => s.Status == "failed") ?? 0, runsTotal,
            exitCode == ExitCodes.Success ? finishedAt : lastSuccessBefore,
            // The report's summary.reclaimableBytes, when the run measured sizes (report.sizes); otherwise the
            // metric is left out rather than shown as a number nobody measured.
            report?.Summary.ReclaimableBytes);

    /// <summary>What the daemon serves before its first run: the build and a zero counter.</summary>
    public static string BeforeFirstRun(long runsTotal)
    {
        var text = new StringBuilder();
        BuildInfo(text);
        Metric(text, "runs_total", "Runs finished since the daemon started (textfile: runs recorded in the file).", "counter", runsTotal);
        return text.ToString();
    }

    public string ToPrometheusText()
    {
        var text = new StringBuilder();
        BuildInfo(text);
        Metric(text, "last_run_timestamp_seconds", "When the last run finished (Unix time).", "gauge", FinishedAt.ToUnixTimeMilliseconds() / 1000.0);
        if (LastSuccessAt is { } success)
        {
            Metric(text, "last_success_timestamp_seconds", "When the last run that exited 0 finished (Unix time).", "gauge", success.ToUnixTimeMilliseconds() / 1000.0);
        }

        Metric(text, "last_run_duration_seconds", "How long the last run took.", "gauge", Math.Round(Duration.TotalSeconds, 3));
        Metric(text, "last_run_exit_code", "Exit code of the last run: 0 ok, 1 failed or blocked, 2 invalid configuration.", "gauge", ExitCode);
        Metric(text, "last_run_success", "1 when the last run exited 0.", "gauge", ExitCode == ExitCodes.Success ? 1 : 0);
        Metric(text, "last_run_versions", "Versions inventoried by the last run.", "gauge", Summary?.Versions ?? 0);
        text.Append("# HELP oci_cleanup_last_run_decisions Decisions of the last run by action.\n# TYPE oci_cleanup_last_run_decisions gauge\n");
        text.Append(CultureInfo.InvariantCulture, $"oci_cleanup_last_run_decisions{{action=\"keep\"}} {Summary?.Keep ?? 0}\n");
        text.Append(CultureInfo.InvariantCulture, $"oci_cleanup_last_run_decisions{{action=\"delete\"}} {Summary?.Delete ?? 0}\n");
        Metric(text, "last_run_deleted", "Versions deleted by the last run.", "gauge", Summary?.Deleted ?? 0);
        Metric(text, "last_run_delete_failed", "Deletes that failed in the last run.", "gauge", Summary?.Failed ?? 0);
        Metric(text, "last_run_sources_failed", "Reference sources and registries that failed in the last run.", "gauge", SourcesFailed);
        Metric(text, "last_run_blocked", "1 when the last run was blocked by a failed source or a safety limit.", "gauge", Summary?.Blocked == true ? 1 : 0);
        if (ReclaimableBytes is { } bytes)
        {
            Metric(text, "last_run_reclaimable_bytes", "Bytes the planned deletes would free, blobs shared with kept versions not counted.", "gauge", bytes);
        }

        Metric(text, "runs_total", "Runs finished since the daemon started (textfile: runs recorded in the file).", "counter", RunsTotal);
        return text.ToString();
    }

    private static void BuildInfo(StringBuilder text)
    {
        text.Append("# HELP oci_cleanup_build_info The version of oci-cleanup that made these metrics.\n# TYPE oci_cleanup_build_info gauge\n");
        text.Append(CultureInfo.InvariantCulture, $"oci_cleanup_build_info{{version=\"{Cleaner.BuildInfo.Version}\"}} 1\n");
    }

    private static void Metric(StringBuilder text, string name, string help, string type, double value)
    {
        text.Append(CultureInfo.InvariantCulture, $"# HELP oci_cleanup_{name} {help}\n# TYPE oci_cleanup_{name} {type}\n");
        text.Append(CultureInfo.InvariantCulture, $"oci_cleanup_{name} {value.ToString("R", CultureInfo.InvariantCulture)}\n");
    }
}
