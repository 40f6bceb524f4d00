using System.CommandLine;
using System.Globalization;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Cleaner.History;
using OciCleanup.Cleaner.Reporting;

namespace OciCleanup.Cleaner.Commands;

/// <summary>
/// <c>history</c>, <c>report [RUN]</c> and <c>diff [RUN_A [RUN_B]]</c> over the runs stored in
/// <c>stateDir/history</c> (docs/reports.md, "History, stored reports and diff"). Read-only: they contact no registry and no cluster.
/// </summary>
internal static class HistoryCommands
{
    public static IEnumerable<Command> Create(CompositionRoot root) => [History(root), Report(root), Diff(root)];

    private static Command History(CompositionRoot root)
    {
        var config = CommonOptions.Config();
        var command = new Command("history", "The stored runs: time, mode, versions, keep, delete, deleted, blocked") { config };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (await StoreAsync(root, parse.GetValue(config)) is not { } history)
            {
                return ExitCodes.Usage;
            }

            foreach (var line in HistoryLines(history))
            {
                await root.Console.Out.WriteLineAsync(line);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Report(CompositionRoot root)
    {
        var config = CommonOptions.Config();
        var run = new Argument<string>("run") { Description = "Run id, unique prefix, or -N (the N-th last); default the last", Arity = ArgumentArity.ZeroOrOne };
        var format = ReportOptions.ReportFormatOption();
        var output = new Option<string?>("--output", "-o") { Description = "Write the report here instead of standard output" };
        var command = new Command("report", "Render a stored run in any report format") { run, config, format, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (await StoreAsync(root, parse.GetValue(config)) is not { } history)
            {
                return ExitCodes.Usage;
            }

            var (report, error) = history.Load(parse.GetValue(run) ?? "-1");
            if (report is null)
            {
                await root.Console.Error.WriteLineAsync(TerminalText.Safe(error));
                return ExitCodes.Failed;
            }

            var chosen = ReportOptions.Parse(parse.GetValue(format), parse.GetValue(output), root.Console);
            using var destination = ReportDestination.Open(parse.GetValue(output), root.Console);
            if (destination.Problem is { } problem)
            {
                await root.Console.Error.WriteLineAsync(problem);
                return ExitCodes.Failed;
            }

            await ReportWriter.WriteAsync(report, chosen, ReportLook.ForStandardOutput(toFile: parse.GetValue(output) is not null, root.Console), destination, cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Diff(CompositionRoot root)
    {
        var config = CommonOptions.Config();
        var runs = new Argument<string[]>("runs") { Description = "RUN_A [RUN_B]: default the last two runs", Arity = new ArgumentArity(0, 2) };
        var command = new Command("diff", "What changed between two stored runs: newly planned deletes, protection lost or gained and by what, deletes done") { runs, config };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (await StoreAsync(root, parse.GetValue(config)) is not { } history)
            {
                return ExitCodes.Usage;
            }

            var given = parse.GetValue(runs) ?? [];
            var (a, b) = given.Length switch { 0 => ("-2", "-1"), 1 => (given[0], "-1"), _ => (given[0], given[1]) };
            var (before, errorA) = history.Load(a);
            var (after, errorB) = history.Load(b);
            if (before is null || after is null)
            {
                await root.Console.Error.WriteLineAsync(TerminalText.Safe(errorA ?? errorB));
                return ExitCodes.Failed;
            }

            foreach (var line in DiffLines(before, after))
            {
                await root.Console.Out.WriteLineAsync(line);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>What <c>history</c> prints, line by line.</summary>
    internal static IEnumerable<string> HistoryLines(RunHistory history)
    {
        yield return $"{"RUN",-21}  {"STARTED",-20}  {"MODE",-7}  {"VERSIONS",8}  {"KEEP",6}  {"DELETE",6}  {"DELETED",7}  BLOCKED";
        foreach (var id in history.RunIds())
        {
            var (report, error) = history.Load(id);
            var line = report is null
                ? $"{id,-21}  {error}"
                : string.Create(CultureInfo.InvariantCulture, $"{id,-21}  {report.StartedAt.UtcDateTime,-20:yyyy-MM-dd HH:mm:ss}  {report.Mode,-7}  {report.Summary.Versions,8}  {report.Summary.Keep,6}  {report.Summary.Delete,6}  {report.Summary.Deleted,7}  {(report.Summary.Blocked ? "yes: " + report.Summary.BlockedReason : "no")}");
            yield return TerminalText.Safe(line);
        }
    }

    /// <summary>What <c>diff</c> prints, line by line.</summary>
    internal static IEnumerable<string> DiffLines(RunReport before, RunReport after)
    {
        var diff = ReportDiff.Of(before, after);
        yield return TerminalText.Safe($"from {before.RunId} ({before.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm}Z, {before.Mode}) to {after.RunId} ({after.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm}Z, {after.Mode})");
        foreach (var (title, lines) in new[] { ("newly planned deletes", diff.NewlyPlannedDeletes), ("lost protection", diff.LostProtection), ("gained protection", diff.GainedProtection), ("deleted", diff.Deleted) })
        {
            yield return $"{title}: {lines.Length}";
            foreach (var line in lines)
            {
                // Versions, object names and errors come from registries and clusters: no control character reaches the terminal.
                yield return "  " + TerminalText.Safe(line);
            }
        }

        // Only when the window is in use, so a diff of runs without it reads as before.
        if (!diff.LeftRollbackWindow.IsEmpty)
        {
            yield return $"left the rollback window: {diff.LeftRollbackWindow.Length}";
            foreach (var line in diff.LeftRollbackWindow)
            {
                yield return "  " + TerminalText.Safe(line);
            }
        }
    }

    private static async Task<RunHistory?> StoreAsync(CompositionRoot root, string? configOption) =>
        await root.LoadConfigAsync(ConfigLoader.ResolvePath(configOption)) is { } config ? new RunHistory(config.Safety.StateDir) : null;
}
