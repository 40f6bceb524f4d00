using Microsoft.Extensions.Logging.Abstractions;
using OciCleanup.Cleaner.Commands;
using OciCleanup.Cleaner.Scheduling;

namespace OciCleanup.Cleaner.Tests.Scheduling;

public class CleanupJobTests
{
    private static DaemonState State(Func<CancellationToken, Task<RunOnce.Result>> run) =>
        new(run, NullLoggerFactory.Instance, TimeProvider.System, CancellationToken.None);

    [Fact]
    public async Task RunAsync_RunThrowsUnexpectedException_MetricsShowAFailedRun()
    {
        var state = State(_ => throw new InvalidOperationException("a bug"));

        await CleanupJob.RunAsync(state, fireTime: null);

        state.RunsTotal.ShouldBe(1);
        var metrics = state.LastRun.ShouldNotBeNull().ToPrometheusText();
        metrics.ShouldContain("\noci_cleanup_last_run_success 0\n");
        metrics.ShouldContain("\noci_cleanup_runs_total 1\n");
    }

    [Fact]
    public async Task RunAsync_FailedRunAfterASuccess_KeepsTheSuccessAndCountsBoth()
    {
        var fail = false;
        var state = State(_ => fail ? Task.FromException<RunOnce.Result>(new KeyNotFoundException("registry gone from the config")) : Task.FromResult(new RunOnce.Result(ExitCodes.Success, null, TimeSpan.FromSeconds(1), null)));
        await CleanupJob.RunAsync(state, fireTime: null);
        fail = true;

        await CleanupJob.RunAsync(state, fireTime: null);

        state.RunsTotal.ShouldBe(2);
        state.LastRun.ShouldNotBeNull().LastSuccessAt.ShouldNotBeNull();
        state.LastRun.ToPrometheusText().ShouldContain("\noci_cleanup_last_run_success 0\n");
    }
}
