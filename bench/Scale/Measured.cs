using System.Globalization;
using System.Text.RegularExpressions;

namespace OciCleanup.Bench;

/// <summary>One run of the program as the benchmark saw it: requests by kind, times, memory, CPU, and its log.</summary>
internal sealed record Measured(
    int ExitCode,
    TimeSpan Wall,
    Dictionary<string, int> Requests,
    TimeSpan ServedLatency,
    TimeSpan ToFirstRequest,
    TimeSpan RequestSpan,
    TimeSpan AfterLastResponse,
    long PeakKb,
    TimeSpan PeakAt,
    double CpuSeconds,
    string Logs)
{
    /// <summary>Peak RSS, CPU and the program's own match + plan line (<c>CleanupRun</c> logs it).</summary>
    public string Memory(string which)
    {
        var phases = string.Join("; ", Regex.Matches(Logs, "\"Phase\":\"([^\"]+)\",\"HeapMegabytes\":(\\d+),\"ResidentMegabytes\":(\\d+),\"PeakResidentMegabytes\":(\\d+)")
            .Select(m => $"{m.Groups[1].Value}: heap {m.Groups[2].Value} MB, resident {m.Groups[3].Value} MB, peak so far {m.Groups[4].Value} MB"));
        var plan = Regex.Match(Logs, "\"PlanMilliseconds\":(\\d+),\"PlanCpuMilliseconds\":(\\d+),\"HeapMegabytes\":(\\d+),\"GcPauseMilliseconds\":(\\d+)");
        return string.Create(CultureInfo.InvariantCulture, $"{which}: peak RSS (VmHWM) {PeakKb / 1024.0:F0} MB (target <= 250), reached {PeakAt.TotalSeconds:F1} s into the run; CPU {CpuSeconds:F1} s; match + plan {(plan.Success ? $"{plan.Groups[1].Value} ms wall, {plan.Groups[2].Value} ms CPU (target <= 500); heap after plan {plan.Groups[3].Value} MB; GC pauses until then {plan.Groups[4].Value} ms" : "not logged")}; memory {phases}");
    }
}
