using System.CommandLine;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Cleaner.Reporting;

namespace OciCleanup.Cleaner.Commands;

/// <summary><c>oci-cleanup run</c>: one full run, then exit (timer, CronJob, by hand).</summary>
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
        var command = new Command("run", "One full run: inventory, protect, plan, then report (dry-run) or delete") { config, dryRun, delete, report, output, logFormat, verbose };
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
            var result = await RunOnce.ExecuteAsync(
                ConfigLoader.ResolvePath(parse.GetValue(config)),
                parse.GetValue(delete) ? RunMode.Delete : parse.GetValue(dryRun) ? RunMode.DryRun : null,
                loggers,
                TimeProvider.System,
                cancellationToken);
            if (result.Report is not null)
            {
                await RunOnce.WriteReportAsync(result.Report, format, parse.GetValue(output), cancellationToken);
            }

            return result.ExitCode;
        });
        return command;
    }
}
