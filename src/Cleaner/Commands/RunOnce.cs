using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Cleaner.History;
using OciCleanup.Cleaner.Reporting;
using OciCleanup.Cleaner.Scheduling;

namespace OciCleanup.Cleaner.Commands;

/// <summary>
/// One run from a configuration file, as `run` and each daemon job do it: load the configuration
/// (fresh every time, so edits apply to the next run), take the run lock, run, write the metrics
/// file. Maps every outcome to an exit code.
/// </summary>
internal static class RunOnce
{
    public sealed record Result(int ExitCode, RunReport? Report, TimeSpan Duration, CleanerConfig? Config);

    public static async Task<Result> ExecuteAsync(CompositionRoot root, string configPath, RunRequest request, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (clock, error) = (root.Clock, root.Console.Error);
        var logger = loggers.CreateLogger("oci-cleanup");
        // Every log line of this run carries its id (JSON logs: "runId").
        var runId = RunId.New(clock);
        using var runIdScope = Serilog.Context.LogContext.PushProperty("runId", runId);
        var stopwatch = Stopwatch.StartNew();
        if (await root.LoadConfigAsync(configPath) is not { } config)
        {
            return new Result(ExitCodes.Usage, null, stopwatch.Elapsed, null);
        }

        var (run, errors) = await RunSetup.CreateAsync(root, config, loggers, cancellationToken);
        if (run is null)
        {
            foreach (var line in errors)
            {
                await error.WriteLineAsync(line);
            }

            logger.LogError("Invalid pins files or credentials: nothing was contacted and nothing deleted");
            return await Finish(new Result(ExitCodes.Usage, null, stopwatch.Elapsed, config), clock, error);
        }

        if (request.AcceptShrink.Except(run.SourceNames).FirstOrDefault() is { } unknown)
        {
            await error.WriteLineAsync($"--accept-shrink {unknown}: no such source (sources: {string.Join(", ", run.SourceNames)})");
            return new Result(ExitCodes.Usage, null, stopwatch.Elapsed, config);
        }

        RunLock? runLock;
        try
        {
            runLock = RunLock.TryAcquire(config.Safety.StateDir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogError("safety.stateDir {StateDir} cannot be used: {Error}; nothing was contacted and nothing deleted", config.Safety.StateDir, e.Message);
            return new Result(ExitCodes.Failed, null, stopwatch.Elapsed, config);
        }

        if (runLock is null)
        {
            logger.LogError("Another run holds the lock in {StateDir}; not starting a second one", config.Safety.StateDir);
            return new Result(ExitCodes.Failed, null, stopwatch.Elapsed, config);
        }

        using var held = runLock;
        var options = new RunOptions(request.ModeOverride ?? config.Mode)
        {
            AcceptShrink = request.AcceptShrink,
            DeleteHold = request.DeleteHold,
            SizeApproved = request.SizeApproved,
            Approved = request.Approved,
            RunId = runId,
            Progress = request.Progress,
        };
        var outcome = await run.ExecuteAsync(options, cancellationToken);
        outcome = outcome with { Report = outcome.Report with { RunId = runId } };
        return await Finish(new Result(outcome.ExitCode, outcome.Report, stopwatch.Elapsed, config), clock, error);
    }

    private static async Task<Result> Finish(Result result, TimeProvider clock, TextWriter error)
    {
        if (result.Config?.Report.MetricsFile is { } metricsFile)
        {
            // Written even for a run told to stop: its numbers are real.
            if (await MetricsTextfile.WriteAsync(metricsFile, previous => RunMetrics.Of(result.Report, result.Duration, result.ExitCode, clock.GetUtcNow(), previous.RunsTotal + 1, previous.LastSuccessAt), CancellationToken.None) is { } metricsError)
            {
                await error.WriteLineAsync(metricsError);
            }
        }

        if (result is { Report: { } report, Config: { } config })
        {
            // The history copies the file just written: at 100k versions serializing the report costs seconds.
            var lastError = await LastReport.TryWriteAsync(config.Safety.StateDir, report, CancellationToken.None);
            var written = lastError is null ? Path.Combine(config.Safety.StateDir, LastReport.FileName) : null;
            foreach (var problem in new[] { lastError, new RunHistory(config.Safety.StateDir).Save(report, config.Report.HistoryRuns, written) })
            {
                if (problem is not null)
                {
                    await error.WriteLineAsync(problem);
                }
            }
        }

        return result;
    }
}
