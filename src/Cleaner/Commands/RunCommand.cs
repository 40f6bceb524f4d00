using System.CommandLine;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Cleaner.Reporting;

namespace OciCleanup.Cleaner.Commands;

/// <summary>
/// <c>oci-cleanup run</c>: one full run, then exit (timer, CronJob, by hand). SIGTERM and SIGINT
/// (systemd stop, a CronJob deadline, an eviction, Ctrl-C) stop it cleanly: the delete in flight
/// finishes and is audited, no new one starts, validation and the report are still written, exit 1.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var logFormat = CommonOptions.LogFormat();
        var verbose = CommonOptions.Verbose();
        var dryRun = new Option<bool>("--dry-run") { Description = "Plan and report only (the default)" };
        var delete = new Option<bool>("--delete") { Description = "Delete the planned versions" };
        var report = new Option<string?>("--report") { Description = "table (default on a terminal), json, markdown or html" };
        report.AcceptOnlyFromAmong("table", "json", "markdown", "html");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report here instead of standard output" };
        var acceptShrink = new Option<string[]>("--accept-shrink") { Description = "Accept that SOURCE (e.g. cluster:armer) names fewer targets than its baseline; repeatable", AllowMultipleArgumentsPerToken = false };
        var command = new Command("run", "One full run: inventory, protect, plan, then report (dry-run) or delete") { config, dryRun, delete, report, output, acceptShrink, logFormat, verbose };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(dryRun) && parse.GetValue(delete))
            {
                await Console.Error.WriteLineAsync("--dry-run and --delete exclude each other");
                return ExitCodes.Usage;
            }

            var format = parse.GetValue(report) switch
            {
                "json" => ReportFormat.Json,
                "markdown" => ReportFormat.Markdown,
                "html" => ReportFormat.Html,
                "table" => ReportFormat.Table,
                _ => Console.IsOutputRedirected && parse.GetValue(output) is null ? ReportFormat.Json : ReportFormat.Table,
            };
            using var loggers = Logging.Create(parse.GetValue(logFormat), parse.GetValue(verbose));
            using var destination = ReportDestination.Open(parse.GetValue(output));
            if (destination.Problem is { } problem)
            {
                await Console.Error.WriteLineAsync(problem);
            }

            var logger = loggers.CreateLogger("oci-cleanup");
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            void Stop(PosixSignalContext context)
            {
                context.Cancel = true; // not the default exit: finish the delete in flight, then report
                logger.LogWarning("{Signal}: stopping after the delete in flight; validation and the report still follow", context.Signal);
                stopping.Cancel();
            }

            var request = new RunRequest(parse.GetValue(delete) ? RunMode.Delete : parse.GetValue(dryRun) ? RunMode.DryRun : null)
            {
                AcceptShrink = [.. parse.GetValue(acceptShrink) ?? []],
                DeleteHold = destination.Problem,
            };
            var result = await RunOnce.ExecuteAsync(ConfigLoader.ResolvePath(parse.GetValue(config)), request, loggers, TimeProvider.System, stopping.Token);
            if (result.Report is not null)
            {
                // Written whatever happened, and not cancellable: a stopped run still says what it did.
                // JSON is streamed: at 100k versions one string of it would not fit the CronJob's heap.
                if (format == ReportFormat.Json)
                {
                    await destination.WriteAsync((stream, ct) => JsonReportWriter.WriteAsync(result.Report, stream, ct), CancellationToken.None);
                }
                else
                {
                    await destination.WriteAsync(ReportWriter.Render(result.Report, format), CancellationToken.None);
                }
            }

            return result.ExitCode;
        });
        return command;
    }
}
