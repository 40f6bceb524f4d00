using System.Collections.Immutable;
using System.CommandLine;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Cleaner.Inventory;
using OciCleanup.Cleaner.Planning;
using OciCleanup.Cleaner.Reporting;
using OciCleanup.Pins.PinsFiles;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Commands;

/// <summary>
/// <c>oci-cleanup pins check FILE... [--config F]</c>: every error as <c>FILE:LINE: message</c> (exit 2
/// when any); with <c>--config</c>, also how many versions of the configured registries each pin line
/// matches, read-only, so a typo (<c>cms-plugin==staging</c>, <c>prodution</c>) shows as "matches nothing".
/// </summary>
internal static class PinsCheckCommand
{
    public static Command Create(CompositionRoot root)
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "Pins files to validate" };
        var config = new Option<string?>("--config", "-c") { Description = "Also match every pin against the inventory of this configuration's registries (read-only)" };
        var logFormat = CommonOptions.LogFormat();
        var check = new Command("check", "Validate pins files; with --config, show what each pin matches") { files, config, logFormat };
        check.SetAction(async (parse, cancellationToken) =>
        {
            var (output, error) = (root.Console.Out, root.Console.Error);
            var read = new List<PinsFile>();
            foreach (var path in parse.GetValue(files)!)
            {
                var file = await PinsFileReader.ReadAsync(path, cancellationToken);
                read.Add(file);
                foreach (var line in file.Errors)
                {
                    await error.WriteLineAsync(line.ToString());
                }

                if (file.IsValid)
                {
                    await output.WriteLineAsync($"{path}: {Plural.Of(file.Rules.Length, "pin")}, ok");
                }
            }

            if (read.Any(f => !f.IsValid))
            {
                return ExitCodes.Usage;
            }

            return parse.GetValue(config) is { } configPath ? await MatchAsync(root, configPath, read, parse.GetValue(logFormat), cancellationToken) : ExitCodes.Success;
        });
        return new Command("pins", "Pins files") { check };
    }

    private static async Task<int> MatchAsync(CompositionRoot root, string configPath, List<PinsFile> files, string? logFormat, CancellationToken cancellationToken)
    {
        if (await root.LoadConfigAsync(configPath) is not { } loaded)
        {
            return ExitCodes.Usage;
        }

        using var loggers = root.Loggers(logFormat, verbose: false);
        var inventory = ImmutableArray.CreateBuilder<PackageVersion>();
        foreach (var registry in root.Registries(loaded, loggers))
        {
            var (versions, result) = await SourceBoundary.InventoryAsync(registry, logger: null, cancellationToken);
            if (result.Status != SourceStatus.Ok)
            {
                await root.Console.Error.WriteLineAsync($"{result.Name}: FAILED {TerminalText.Safe(result.Error)}: the pins cannot be matched");
                return ExitCodes.Failed;
            }

            inventory.AddRange(versions);
        }

        var sources = await Task.WhenAll(files.Select(f => new PinsFileSource(f).CollectAsync(cancellationToken)));
        var matched = ProtectionMatcher.Match(inventory.ToImmutable(), ProtectedSet.Merge(sources), loaded.Registries, loaded.UnknownHosts);
        foreach (var rule in files.SelectMany(f => f.Rules))
        {
            var count = matched.PinMatches.GetValueOrDefault(rule.Location);
            await root.Console.Out.WriteLineAsync($"{rule.Location}: {Plural.Of(count, "version")}{(count == 0 ? " — matches nothing in the inventory (a typo?)" : "")}");
        }

        return ExitCodes.Success;
    }
}
