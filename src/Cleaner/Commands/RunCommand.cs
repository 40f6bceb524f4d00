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
/// <c>plan</c> and <c>apply</c> run the same way (<see cref="ExecuteAsync"/>).
/// </summary>
internal static class RunCommand
{
    public static Command Create(CompositionRoot root)
    {
        var options = new ReportOptions();
        var dryRun = new Option<bool>("--dry-run") { Description = "Plan and report only (the default)" };
        var delete = new Option<bool>("--delete") { Description = "Delete the planned versions" };
        var acceptShrink = AcceptShrink();
        var command = new Command("run", "One full run: inventory, protect, plan, then report (dry-run) or delete") { dryRun, delete, acceptShrink };
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(dryRun) && parse.GetValue(delete))
            {
                await root.Console.Error.WriteLineAsync("--dry-run and --delete exclude each other");
                return ExitCodes.Usage;
            }

            var request = new RunRequest(parse.GetValue(delete) ? RunMode.Delete : parse.GetValue(dryRun) ? RunMode.DryRun : null) { AcceptShrink = [.. parse.GetValue(acceptShrink) ?? []] };
            return await ExecuteAsync(root, parse, options, request, after: null, cancellationToken);
        });
        return command;
    }

    public static Option<string[]> AcceptShrink() =>
        new("--accept-shrink") { Description = "Accept that SOURCE (e.g. cluster:armer) names fewer targets than its baseline; repeatable", AllowMultipleArgumentsPerToken = false };

    /// <summary>One run with signals handled and the report written wherever asked, whatever happened; <paramref name="after"/> sees the result first.</summary>
    public static async Task<int> ExecuteAsync(CompositionRoot root, ParseResult parse, ReportOptions options, RunRequest request, Func<RunOnce.Result, Task<int>>? after, CancellationToken cancellationToken)
    {
        using var loggers = root.Loggers(parse.GetValue(options.LogFormat), parse.GetValue(options.Verbose));
        using var destination = ReportDestination.Open(parse.GetValue(options.Output), root.Console);
        if (destination.Problem is { } problem)
        {
            await root.Console.Error.WriteLineAsync(problem);
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

        var progress = TerminalProgress.For(!root.Console.ErrorIsTerminal, Environment.GetEnvironmentVariable("NO_COLOR"));
        var result = await RunOnce.ExecuteAsync(root, ConfigLoader.ResolvePath(parse.GetValue(options.Config)), request with { DeleteHold = destination.Problem, Progress = progress }, loggers, stopping.Token);
        var exit = after is null ? result.ExitCode : await after(result);
        if (result.Report is not null)
        {
            // Written whatever happened, and not cancellable: a stopped run still says what it did.
            var format = options.Format(parse, root.Console);
            // JSON and the table stream: at 100k versions one string of either would not fit the CronJob's memory.
            await ReportWriter.WriteAsync(result.Report, format, ReportLook.ForStandardOutput(toFile: parse.GetValue(options.Output) is not null, root.Console), destination, CancellationToken.None);
        }

        return exit;
    }
}
