using System.CommandLine;
using System.Text.Json;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Cleaner.Execution;
using OciCleanup.Cleaner.Inventory;
using OciCleanup.Pins.PinsFiles;

namespace OciCleanup.Cleaner.Commands;

/// <summary><c>restore REF | --run RUN</c>: put back deleted manifests from the audit trail while the registry still holds their blobs.</summary>
internal static class RestoreCommand
{
    public static Command Create()
    {
        var reference = new Argument<string?>("ref") { Description = "[OWNER:]TYPE/NAME==VERSION (globs allowed), as in pins files", Arity = ArgumentArity.ZeroOrOne };
        var run = new Option<string?>("--run") { Description = "Every version the run RUN (its run id, or a unique prefix) deleted" };
        var config = CommonOptions.Config();
        var logFormat = CommonOptions.LogFormat();
        var command = new Command("restore", "Put back deleted manifests from the audit trail while the registry still holds their blobs") { reference, run, config, logFormat };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if ((parse.GetValue(reference) is null) == (parse.GetValue(run) is null))
            {
                await Console.Error.WriteLineAsync("restore takes REF or --run RUN (one of them)");
                return ExitCodes.Usage;
            }

            if (await ConfigLoader.LoadOrReportAsync(ConfigLoader.ResolvePath(parse.GetValue(config))) is not { } loaded)
            {
                return ExitCodes.Usage;
            }

            if (loaded.Report.AuditLog is not { } auditLog || !File.Exists(auditLog))
            {
                await Console.Error.WriteLineAsync($"no audit log ({loaded.Report.AuditLog ?? "report.auditLog is not set"}): nothing to restore from");
                return ExitCodes.Failed;
            }

            Func<AuditEntry, bool> wanted;
            if (parse.GetValue(reference) is { } text)
            {
                var query = PinsFileParser.Parse("REF", text);
                if (!query.IsValid || query.Rules.Length != 1)
                {
                    await Console.Error.WriteLineAsync(query.Errors.FirstOrDefault()?.ToString() ?? "REF: expected one [OWNER:]TYPE/NAME==VERSION");
                    return ExitCodes.Usage;
                }

                wanted = e => query.Rules[0].Matches(e.Owner, e.Type, e.Package, e.Version, Pins.Digest.TryParse(e.Digest, out var d) ? d : null);
            }
            else
            {
                var runId = parse.GetValue(run)!;
                wanted = e => e.RunId?.StartsWith(runId, StringComparison.Ordinal) == true;
            }

            // The latest delete of each version: an older one may have been restored and deleted again.
            var entries = (await File.ReadAllLinesAsync(auditLog, cancellationToken))
                .Select(Parse).OfType<AuditEntry>()
                .Where(e => e.Result == "deleted" && wanted(e))
                .GroupBy(e => e.ToString()).Select(g => g.MaxBy(e => e.Time)!)
                .ToList();
            if (entries.Count == 0)
            {
                await Console.Error.WriteLineAsync($"{auditLog}: no deleted version matches");
                return ExitCodes.Failed;
            }

            using var loggers = Logging.Create(parse.GetValue(logFormat), verbose: false);
            var registries = loaded.Registries.ToDictionary(r => r.Name, r => RegistryFactory.Create(r, loggers, TimeProvider.System));
            var tooLate = 0;
            foreach (var (entry, problem) in await new Restorer(registries).RestoreAsync(entries, cancellationToken))
            {
                tooLate += problem is null ? 0 : 1;
                await Console.Out.WriteLineAsync(problem is null ? $"restored {entry} ({entry.Digest})" : $"NOT restored {entry} ({entry.Digest}): {problem}");
            }

            return tooLate == 0 ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }

    private static AuditEntry? Parse(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<AuditEntry>(line);
        }
        catch (JsonException)
        {
            return null; // a line cut by a crash: the attempt line before it says what it was
        }
    }
}
