using Microsoft.Extensions.Logging;

namespace OciCleanup.Cleaner;

/// <summary>
/// One log event with the heap and the process's resident memory at a point of the run, so that where
/// memory goes at 100k versions can be read from any run's log (bench/Scale prints them), no profiler needed.
/// </summary>
internal static class MemoryLog
{
    public static void At(ILogger logger, string phase)
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        logger.LogInformation(
            "Memory {Phase}: heap {HeapMegabytes} MB, resident {ResidentMegabytes} MB, peak resident {PeakResidentMegabytes} MB",
            phase,
            GC.GetTotalMemory(forceFullCollection: false) / (1024 * 1024),
            process.WorkingSet64 / (1024 * 1024),
            process.PeakWorkingSet64 / (1024 * 1024));
    }
}
