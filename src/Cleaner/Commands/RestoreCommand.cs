using System.CommandLine;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Cleaner.Execution;
using OciCleanup.Cleaner.Inventory;
using OciCleanup.Cleaner.Reporting;
using OciCleanup.Pins.PinsFiles;

namespace OciCleanup.Cleaner.Commands;

/// <summary>
/// <c>restore REF | --run RUN [--force]</c>: put back deleted manifests from the audit trail while the
/// registry still holds their blobs. Exit 0 when every selected entry is restored or already there;
/// 1 when nothing matches or any entry is refused, too late or failed; 2 for bad usage.
/// </summary>
internal static class RestoreCommand
{
    public static Command Create(CompositionRoot root)
    {
        var reference = new Argument<string?>("ref") { Description = "[OWNER:]TYPE/NAME==VERSION (globs allowed), as in pins files; every tag the same DELETE removed comes back with it", Arity = ArgumentArity.ZeroOrOne };
        var run = new Option<string?>("--run") { Description = "Every version the run RUN (its run id, or a unique prefix) deleted" };
        var force = new Option<bool>("--force") { Description = "Put the deleted manifest back even over a tag pushed since (never over bytes that do not match the recorded digest)" };
        var config = CommonOptions.Config();
        var logFormat = CommonOptions.LogFormat();
        var command = new Command("restore", "Put back deleted manifests from the audit trail while the registry still holds their blobs") { reference, run, force, config, logFormat };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (output, error) = (root.Console.Out, root.Console.Error);
            if ((parse.GetValue(reference) is null) == (parse.GetValue(run) is null))
            {
                await error.WriteLineAsync("restore takes REF or --run RUN (one of them)");
                return ExitCodes.Usage;
            }

            if (await root.LoadConfigAsync(ConfigLoader.ResolvePath(parse.GetValue(config))) is not { } loaded)
            {
                return ExitCodes.Usage;
            }

            if (loaded.Report.AuditLog is not { } auditLog || !File.Exists(auditLog))
            {
                await error.WriteLineAsync($"no audit log ({loaded.Report.AuditLog ?? "report.auditLog is not set"}): nothing to restore from");
                return ExitCodes.Failed;
            }

            Func<AuditEntry, bool> wanted;
            if (parse.GetValue(reference) is { } text)
            {
                var query = PinsFileParser.Parse("REF", text);
                if (!query.IsValid || query.Rules.Length != 1)
                {
                    await error.WriteLineAsync(query.Errors.FirstOrDefault()?.ToString() ?? "REF: expected one [OWNER:]TYPE/NAME==VERSION");
                    return ExitCodes.Usage;
                }

                wanted = e => query.Rules[0].Matches(e.Owner, e.Type, e.Package, e.Version, Pins.Digest.TryParse(e.Digest, out var d) ? d : null);
            }
            else
            {
                var runId = parse.GetValue(run)!;
                wanted = e => e.RunId?.StartsWith(runId, StringComparison.Ordinal) == true;
            }

            var byDigest = loaded.Registries.Where(r => r.Kind == RegistryKind.Oci).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
            var trail = AuditTrail.Parse(await File.ReadAllLinesAsync(auditLog, cancellationToken));
            var entries = RestoreSelection.Select(trail, wanted, byDigest.Contains);
            if (entries.IsEmpty)
            {
                await error.WriteLineAsync($"{auditLog}: no deleted version matches {parse.GetValue(reference) ?? "--run " + parse.GetValue(run)}: nothing restored");
                return ExitCodes.Failed;
            }

            using var loggers = root.Loggers(parse.GetValue(logFormat), verbose: false);
            var registries = root.Registries(loaded, loggers).ToDictionary(r => r.Config.Name);
            var outcomes = await new Restorer(registries, parse.GetValue(force)).RestoreAsync(entries, cancellationToken);
            foreach (var (entry, outcome) in outcomes)
            {
                await output.WriteLineAsync(Line(entry, outcome));
            }

            string[] kinds = ["restored", "already-present", "refused", "too late", "failed"];
            var counts = string.Join(", ", kinds.Select(k => (Kind: k, Count: outcomes.Count(o => o.Outcome.Kind == k))).Where(c => c.Count > 0).Select(c => $"{c.Count} {c.Kind}"));
            await output.WriteLineAsync($"restore: {counts}");
            return outcomes.All(o => o.Outcome.Succeeded) ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }

    // Versions, digests and server answers come from the audit log and the registry: shown escaped, never as terminal controls.
    private static string Line(AuditEntry entry, RestoreOutcome outcome) => TerminalText.Safe(outcome switch
    {
        RestoreOutcome.Restored => $"restored {entry} ({entry.Digest}){(outcome.Why is { } why ? ": " + why : "")}",
        RestoreOutcome.AlreadyPresent => $"already there {entry} ({entry.Digest}): nothing pushed",
        _ => $"NOT restored {entry} ({entry.Digest}): {outcome.Kind}: {outcome.Why}",
    });
}
