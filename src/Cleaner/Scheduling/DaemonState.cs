using Microsoft.Extensions.Logging;

namespace OciCleanup.Cleaner.Scheduling;

/// <summary>
/// What the daemon's jobs share: how to run once (<see cref="Commands.RunOnce"/> over the configuration
/// file, stopping when the token says so), and the last run's metrics.
/// </summary>
internal sealed class DaemonState(Func<CancellationToken, Task<Commands.RunOnce.Result>> run, ILoggerFactory loggers, TimeProvider clock, CancellationToken stopping)
{
    private long _runs;

    public Func<CancellationToken, Task<Commands.RunOnce.Result>> Run { get; } = run;

    public ILoggerFactory Loggers { get; } = loggers;

    public TimeProvider Clock { get; } = clock;

    /// <summary>Cancelled on SIGTERM: the current run stops between deletes, never inside one.</summary>
    public CancellationToken Stopping { get; } = stopping;

    /// <summary><c>daemon.runTimeout</c>, as loaded at start or on the last SIGHUP.</summary>
    public TimeSpan RunTimeout { get; set; } = Configuration.DaemonConfig.DefaultRunTimeout;

    public RunMetrics? LastRun { get; private set; }

    public long RunsTotal => Interlocked.Read(ref _runs);

    /// <summary>Records a finished run; <paramref name="make"/> gets the run count and the last success before it.</summary>
    public void Record(Func<long, DateTimeOffset?, RunMetrics> make) => LastRun = make(Interlocked.Increment(ref _runs), LastRun?.LastSuccessAt);
}
