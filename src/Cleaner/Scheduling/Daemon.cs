using System.Collections.Specialized;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using OciCleanup.Cleaner.Configuration;
using Quartz;
using Quartz.Impl;

namespace OciCleanup.Cleaner.Scheduling;

/// <summary>
/// `oci-cleanup daemon`: a Quartz cron schedule in one process. One run at a time; a fire missed
/// while a run was still going is dropped, not queued (a slow run never causes a pile-up). SIGTERM
/// stops cleanly: the current run stops between deletes and the process exits 0. SIGHUP re-reads
/// the configuration and the schedule now; every run also reads the configuration afresh. A run
/// longer than <c>daemon.runTimeout</c> is cancelled as SIGTERM would stop it, and fails.
/// </summary>
internal sealed class Daemon(CompositionRoot root, string configPath, ILoggerFactory loggers)
{
    private static readonly TriggerKey Trigger = new("schedule", "oci-cleanup");
    private static readonly JobKey Job = new("cleanup", "oci-cleanup");

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger<Daemon>();
        if (await root.LoadConfigAsync(configPath) is not { } config)
        {
            return ExitCodes.Usage;
        }

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var state = new DaemonState(ct => Commands.RunOnce.ExecuteAsync(root, configPath, new Commands.RunRequest(null), loggers, ct), loggers, root.Clock, stopping.Token) { RunTimeout = config.Daemon.RunTimeout };
        var properties = new NameValueCollection
        {
            ["quartz.scheduler.instanceName"] = "oci-cleanup",
            ["quartz.threadPool.maxConcurrency"] = "1",
            // A fire blocked for longer than this by a running job is a misfire, and cron misfires do nothing.
            ["quartz.jobStore.misfireThreshold"] = "1000",
        };
        var scheduler = await new StdSchedulerFactory(properties).GetScheduler(cancellationToken);
        var job = JobBuilder.Create<CleanupJob>().WithIdentity(Job).Build();
        job.JobDataMap[CleanupJob.StateKey] = state;
        await scheduler.ScheduleJob(job, CronTrigger(config.Schedule), cancellationToken);
        await using var endpoint = await MetricsEndpoint.StartAsync(config.Daemon.Listen, state, cancellationToken);

        var stopped = new TaskCompletionSource();
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            logger.LogInformation("SIGTERM: stopping after the current delete");
            stopping.Cancel();
            stopped.TrySetResult();
        });
        using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            stopping.Cancel();
            stopped.TrySetResult();
        });
        using var onHup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            _ = ReloadAsync(scheduler, state, logger);
        });

        await scheduler.Start(cancellationToken);
        logger.LogInformation("Daemon started: schedule {Schedule}, metrics on http://{Listen}/metrics", config.Schedule, config.Daemon.Listen);
        await stopped.Task.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        await scheduler.Shutdown(waitForJobsToComplete: true, CancellationToken.None);
        logger.LogInformation("Daemon stopped after {Runs} runs", state.RunsTotal);
        return ExitCodes.Success;
    }

    private async Task ReloadAsync(IScheduler scheduler, DaemonState state, ILogger logger)
    {
        try
        {
            var config = ConfigLoader.Load(configPath);
            await scheduler.RescheduleJob(Trigger, CronTrigger(config.Schedule));
            state.RunTimeout = config.Daemon.RunTimeout;
            logger.LogInformation("SIGHUP: configuration reloaded, schedule {Schedule}", config.Schedule);
        }
        catch (ConfigException e)
        {
            logger.LogError("SIGHUP: configuration not reloaded, keeping the old schedule: {Error}", e.Message);
        }
    }

    private static ITrigger CronTrigger(string schedule) =>
        TriggerBuilder.Create()
            .WithIdentity(Trigger)
            .ForJob(Job)
            .WithCronSchedule(schedule, cron => cron.WithMisfireHandlingInstructionDoNothing())
            .Build();
}
