using Microsoft.Extensions.Logging;
using Quartz;

namespace OciCleanup.Cleaner.Scheduling;

/// <summary>
/// One scheduled run. Quartz never starts it while the previous one is still running, so a run that
/// hangs would hold every later one back, and the run lock with them: past <c>daemon.runTimeout</c> it
/// is cancelled (stopping as on SIGTERM, between deletes), recorded as failed, and its lock released.
/// The job is the daemon's boundary: whatever a run throws is recorded as a failed run (so
/// <c>/metrics</c> never shows a stale success), logged, and the daemon goes on to the next fire.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class CleanupJob : IJob
{
    public const string StateKey = "state";

    /// <summary>How long a cancelled run may take to stop before the job stops waiting for it (a body read ends within its own deadline).</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromMinutes(5);

    public Task Execute(IJobExecutionContext context) => RunAsync((DaemonState)context.MergedJobDataMap[StateKey], context.ScheduledFireTimeUtc);

    /// <summary>One run under the state's deadline, recorded in <paramref name="state"/> however it ends.</summary>
    internal static async Task RunAsync(DaemonState state, DateTimeOffset? fireTime)
    {
        var logger = state.Loggers.CreateLogger<CleanupJob>();
        var limit = state.RunTimeout;
        logger.LogInformation("Scheduled run starting (fire time {FireTime}, runTimeout {RunTimeout})", fireTime, limit);
        using var deadline = new CancellationTokenSource(limit, state.Clock);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(state.Stopping, deadline.Token);
        try
        {
            var result = await state.Run(stopping.Token).WaitAsync(limit + StopGrace, state.Clock, CancellationToken.None);
            var timedOut = deadline.IsCancellationRequested && !state.Stopping.IsCancellationRequested;
            if (timedOut)
            {
                logger.LogError("Scheduled run cancelled: still running after daemon.runTimeout {RunTimeout}; counted as failed", limit);
            }

            var exitCode = timedOut ? ExitCodes.Failed : result.ExitCode;
            state.Record((runs, lastSuccess) => RunMetrics.Of(result.Report, result.Duration, exitCode, state.Clock.GetUtcNow(), runs, lastSuccess));
            // The last report is in stateDir/last-report.json (RunOnce writes it for every run).
        }
        catch (TimeoutException)
        {
            // Something in the run ignored cancellation: stop waiting; its lock stays until it ends, and later runs say so.
            logger.LogError("Scheduled run did not stop within {Grace} after daemon.runTimeout {RunTimeout}; counted as failed", StopGrace, limit);
            state.Record((runs, lastSuccess) => RunMetrics.Of(null, limit + StopGrace, ExitCodes.Failed, state.Clock.GetUtcNow(), runs, lastSuccess));
        }
        catch (Exception e)
        {
            // The job boundary (STYLE: catch-all only at the command or job boundary): a bug in one run is
            // that run failing, with its stack trace in the log, never a daemon whose metrics stop moving.
            logger.LogError(e, "Scheduled run failed: {Error}", ErrorCause.Describe(e));
            state.Record((runs, lastSuccess) => RunMetrics.Of(null, TimeSpan.Zero, ExitCodes.Failed, state.Clock.GetUtcNow(), runs, lastSuccess));
        }
    }
}
