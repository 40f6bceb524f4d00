using System.CommandLine;
using Microsoft.Extensions.Logging;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Cleaner.Reporting;
using OciCleanup.Pins.PinsFiles;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Commands;

/// <summary><c>oci-cleanup config check</c>: validate the configuration and reach every registry and cluster, read-only.</summary>
internal static class ConfigCheckCommand
{
    public static Command Create(CompositionRoot root)
    {
        var config = CommonOptions.Config();
        var logFormat = CommonOptions.LogFormat();
        var check = new Command("check", "Validate the configuration and reach every registry and cluster read-only") { config, logFormat };
        check.SetAction(async (parse, cancellationToken) =>
        {
            var (output, error) = (root.Console.Out, root.Console.Error);
            var path = ConfigLoader.ResolvePath(parse.GetValue(config));
            if (await root.LoadConfigAsync(path) is not { } loaded)
            {
                return ExitCodes.Usage;
            }

            var credentialProblems = CredentialCheck.Problems(loaded).ToList();
            foreach (var problem in credentialProblems)
            {
                await error.WriteLineAsync(problem);
            }

            if (credentialProblems.Count > 0)
            {
                return ExitCodes.Usage;
            }

            await output.WriteLineAsync($"{path}: configuration ok ({Plural.Of(loaded.Registries.Length, "registry", "registries")}, {Plural.Of(loaded.PinsFiles.Length, "pins file")}, {Plural.Of(loaded.Clusters.Length, "cluster")})");
            using var loggers = root.Loggers(parse.GetValue(logFormat), verbose: false);
            var failed = false;
            foreach (var registry in root.Registries(loaded, loggers))
            {
                var (versions, result) = await SourceBoundary.InventoryAsync(registry, logger: null, cancellationToken);
                failed |= result.Status != SourceStatus.Ok;
                await output.WriteLineAsync($"{result.Name}: {(result.Status == SourceStatus.Ok ? $"ok, {Plural.Of(versions.Length, "version")}" : "FAILED " + TerminalText.Safe(result.Error))}");
            }

            var pinErrors = 0;
            foreach (var pinsPath in loaded.PinsFiles)
            {
                var file = await PinsFileReader.ReadAsync(pinsPath, cancellationToken);
                pinErrors += file.Errors.Length;
                foreach (var line in file.Errors)
                {
                    await error.WriteLineAsync(line.ToString());
                }
            }

            foreach (var source in root.Clusters(loaded, loggers))
            {
                var result = await SourceBoundary.CollectAsync(source, logger: null, cancellationToken);
                failed |= result.Status != SourceStatus.Ok;
                await output.WriteLineAsync($"{result.Name}: {(result.Status == SourceStatus.Ok ? $"ok, {Plural.Of(result.Protections.Length, "reference")}" : "FAILED " + TerminalText.Safe(result.Error))}");
            }

            return pinErrors > 0 ? ExitCodes.Usage : failed ? ExitCodes.Failed : ExitCodes.Success;
        });
        return new Command("config", "Configuration") { check };
    }
}
