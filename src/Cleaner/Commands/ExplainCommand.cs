using System.CommandLine;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Cleaner.Reporting;
using OciCleanup.Pins.PinsFiles;

namespace OciCleanup.Cleaner.Commands;

/// <summary>
/// <c>oci-cleanup explain REF</c>: why a version is kept or would be deleted, in sentences. REF uses the
/// pins grammar. A look, not a run: it reads the same config (default path, <c>--config</c>, or
/// <c>$OCI_CLEANUP_CONFIG</c>; read-only places like /etc or the Nix store are fine) and writes nothing
/// to <c>stateDir</c> — no baselines, no first-seen times, no last report, no lock.
/// </summary>
internal static class ExplainCommand
{
    public static Command Create(CompositionRoot root)
    {
        var reference = new Argument<string>("ref") { Description = "[OWNER:]TYPE/NAME==VERSION, e.g. container/cms-plugins==staging" };
        var config = CommonOptions.Config();
        var logFormat = CommonOptions.LogFormat();
        var command = new Command("explain", "Why one package version is kept or would be deleted") { reference, config, logFormat };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (output, error) = (root.Console.Out, root.Console.Error);
            var query = PinsFileParser.Parse("REF", parse.GetValue(reference)!);
            var image = !query.IsValid && ExplainQuery.IsImage(parse.GetValue(reference)!);
            if (!image && (!query.IsValid || query.Rules.Length != 1))
            {
                await error.WriteLineAsync(query.Errors.FirstOrDefault()?.ToString() ?? "REF: expected one [OWNER:]TYPE/NAME==VERSION");
                return ExitCodes.Usage;
            }

            if (await root.LoadConfigAsync(ConfigLoader.ResolvePath(parse.GetValue(config))) is not { } loaded)
            {
                return ExitCodes.Usage;
            }

            if (image)
            {
                // An image reference copied from a Deployment: explain the pin it means in the configured registries.
                var mapped = ExplainQuery.FromImage(parse.GetValue(reference)!, loaded.Registries);
                if (mapped.Pin is null)
                {
                    await error.WriteLineAsync(mapped.Error);
                    return ExitCodes.Usage;
                }

                await output.WriteLineAsync($"{parse.GetValue(reference)} is {mapped.Pin} in registry {mapped.Registry}");
                query = PinsFileParser.Parse("REF", mapped.Pin);
            }

            using var loggers = root.Loggers(parse.GetValue(logFormat), verbose: false);
            var (run, errors) = await RunSetup.CreateAsync(root, loaded, loggers, cancellationToken, remembers: false);
            if (run is null)
            {
                await error.WriteLineAsync(string.Join(Environment.NewLine, errors));
                return ExitCodes.Usage;
            }

            var outcome = await run.ExecuteAsync(new RunOptions(RunMode.DryRun) { MovesBaselines = false }, cancellationToken);
            var rule = query.Rules[0];
            // Matched on the plan's typed versions; the report's entries only give the words.
            var wanted = outcome.Plan.Decisions.Select(d => d.Version)
                .Where(v => rule.Matches(v.Owner, v.Type, v.Name, v.Version, v.Digest))
                .Select(v => v.Key)
                .ToHashSet();
            var matches = outcome.Report.Decisions.Where(d => wanted.Contains(d.Key)).ToList();
            if (matches.Count == 0)
            {
                await output.WriteLineAsync($"{TerminalText.Safe(parse.GetValue(reference))}: no such version in the inventory");
                return ExitCodes.Failed;
            }

            foreach (var d in matches)
            {
                await output.WriteLineAsync(Explanation.Of(d, outcome.Report, loaded.Retention.For(d.Type, d.Package)));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
