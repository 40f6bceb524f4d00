using Microsoft.Extensions.Logging;
using OciCleanup.Cleaner.Commands;
using Quartz;

namespace OciCleanup.Cleaner.Scheduling;

/// <summary>One scheduled run. Quartz never starts it while the previous one is still running.</summary>
[DisallowConcurrentExecution]
internal sealed class CleanupJob : IJob
{
    public const string StateKey = "state";

    public async Task Execute(IJobExecutionContext context)
    {
        var state = (DaemonState)context.MergedJobDataMap[StateKey];
        var logger = state.Loggers.CreateLogger<CleanupJob>();
        logger.LogInformation("Scheduled run starting (fire time {FireTime})", context.ScheduledFireTimeUtc);
        try
        {
            var result = await RunOnce.ExecuteAsync(state.ConfigPath, new RunRequest(null), state.Loggers, state.Clock, state.Stopping);
            state.Record((runs, lastSuccess) => RunMetrics.Of(result.Report, result.Duration, result.ExitCode, state.Clock.GetUtcNow(), runs, lastSuccess));
            // The last report is in stateDir/last-report.json (RunOnce writes it for every run).
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            // The job boundary: one failed run never stops the daemon.
            logger.LogError("Scheduled run failed: {Error}", e.Message);
            state.Record((runs, lastSuccess) => RunMetrics.Of(null, TimeSpan.Zero, ExitCodes.Failed, state.Clock.GetUtcNow(), runs, lastSuccess));
        }
    }
}
