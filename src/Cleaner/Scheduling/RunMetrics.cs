using System.Globalization;
using System.Text;
using OciCleanup.Cleaner.Reporting;

namespace OciCleanup.Cleaner.Scheduling;

/// <summary>The Prometheus view of the last run (text exposition format), for the daemon endpoint and the textfile collector.</summary>
internal sealed record RunMetrics(DateTimeOffset FinishedAt, TimeSpan Duration, int ExitCode, Summary? Summary, int SourcesFailed, long RunsTotal)
{
    public static RunMetrics Of(RunReport? report, TimeSpan duration, int exitCode, DateTimeOffset finishedAt, long runsTotal) =>
        new(finishedAt, duration, exitCode, report?.Summary, report?.Sources.Count(s => s.Status == "failed") ?? 0, runsTotal);

    public string ToPrometheusText()
    {
        var text = new StringBuilder();
        void Metric(string name, string help, string type, double value, string labels = "")
        {
            text.Append(CultureInfo.InvariantCulture, $"# HELP oci_cleanup_{name} {help}\n# TYPE oci_cleanup_{name} {type}\n");
            text.Append(CultureInfo.InvariantCulture, $"oci_cleanup_{name}{labels} {value.ToString("R", CultureInfo.InvariantCulture)}\n");
        }

        Metric("last_run_timestamp_seconds", "When the last run finished (Unix time).", "gauge", FinishedAt.ToUnixTimeMilliseconds() / 1000.0);
        Metric("last_run_duration_seconds", "How long the last run took.", "gauge", Math.Round(Duration.TotalSeconds, 3));
        Metric("last_run_exit_code", "Exit code of the last run: 0 ok, 1 failed or blocked, 2 invalid configuration.", "gauge", ExitCode);
        Metric("last_run_success", "1 when the last run exited 0.", "gauge", ExitCode == 0 ? 1 : 0);
        Metric("last_run_versions", "Versions inventoried by the last run.", "gauge", Summary?.Versions ?? 0);
        text.Append("# HELP oci_cleanup_last_run_decisions Decisions of the last run by action.\n# TYPE oci_cleanup_last_run_decisions gauge\n");
        text.Append(CultureInfo.InvariantCulture, $"oci_cleanup_last_run_decisions{{action=\"keep\"}} {Summary?.Keep ?? 0}\n");
        text.Append(CultureInfo.InvariantCulture, $"oci_cleanup_last_run_decisions{{action=\"delete\"}} {Summary?.Delete ?? 0}\n");
        Metric("last_run_deleted", "Versions deleted by the last run.", "gauge", Summary?.Deleted ?? 0);
        Metric("last_run_delete_failed", "Deletes that failed in the last run.", "gauge", Summary?.Failed ?? 0);
        Metric("last_run_sources_failed", "Reference sources and registries that failed in the last run.", "gauge", SourcesFailed);
        Metric("last_run_blocked", "1 when the last run was blocked by a failed source or a safety limit.", "gauge", Summary?.Blocked == true ? 1 : 0);
        Metric("runs_total", "Runs since this process started.", "counter", RunsTotal);
        return text.ToString();
    }
}
