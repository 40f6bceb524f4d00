using System.CommandLine;
using Microsoft.Extensions.Logging;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Cleaner.Inventory;
using OciCleanup.Cleaner.Reporting;
using OciCleanup.Pins.PinsFiles;

namespace OciCleanup.Cleaner.Commands;

/// <summary><c>oci-cleanup config check</c>: validate the configuration and reach every registry and cluster, read-only.</summary>
internal static class ConfigCheckCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var logFormat = CommonOptions.LogFormat();
        var check = new Command("check", "Validate the configuration and reach every registry and cluster read-only") { config, logFormat };
        check.SetAction(async (parse, cancellationToken) =>
        {
            var path = ConfigLoader.ResolvePath(parse.GetValue(config));
            if (await ConfigLoader.LoadOrReportAsync(path) is not { } loaded)
            {
                return ExitCodes.Usage;
            }

            var credentialProblems = CredentialCheck.Problems(loaded).ToList();
            foreach (var problem in credentialProblems)
            {
                await Console.Error.WriteLineAsync(problem);
            }

            if (credentialProblems.Count > 0)
            {
                return ExitCodes.Usage;
            }

            await Console.Out.WriteLineAsync($"{path}: configuration ok ({Plural.Of(loaded.Registries.Length, "registry", "registries")}, {Plural.Of(loaded.PinsFiles.Length, "pins file")}, {Plural.Of(loaded.Clusters.Length, "cluster")})");
            using var loggers = Logging.Create(parse.GetValue(logFormat), verbose: false);
            var failed = false;
            foreach (var registryConfig in loaded.Registries)
            {
                try
                {
                    var registry = RegistryFactory.Create(registryConfig, loggers, TimeProvider.System);
                    if (await registry.CredentialsAsync(cancellationToken) is { } can)
                    {
                        await Console.Out.WriteLineAsync($"registry:{registryConfig.Name}: token: {TerminalText.Safe(can)}");
                    }

                    var versions = await registry.ListVersionsAsync(cancellationToken);
                    await Console.Out.WriteLineAsync($"registry:{registryConfig.Name}: ok, {Plural.Of(versions.Length, "version")}");
                }
                catch (Exception e) when (e is RegistryException or HttpRequestException or TaskCanceledException)
                {
                    failed = true;
                    await Console.Out.WriteLineAsync($"registry:{registryConfig.Name}: FAILED {TerminalText.Safe(e.Message)}");
                }
            }

            var pinErrors = 0;
            foreach (var pinsPath in loaded.PinsFiles)
            {
                var file = await PinsFileReader.ReadAsync(pinsPath, cancellationToken);
                pinErrors += file.Errors.Length;
                foreach (var error in file.Errors)
                {
                    await Console.Error.WriteLineAsync(error.ToString());
                }
            }

            foreach (var source in ClusterSources.Create(loaded, loggers))
            {
                var result = await source.Source.CollectAsync(cancellationToken);
                failed |= result.Status != Pins.Protection.SourceStatus.Ok;
                await Console.Out.WriteLineAsync($"{result.Name}: {(result.Status == Pins.Protection.SourceStatus.Ok ? $"ok, {Plural.Of(result.Protections.Length, "reference")}" : "FAILED " + TerminalText.Safe(result.Error))}");
            }

            return pinErrors > 0 ? ExitCodes.Usage : failed ? ExitCodes.Failed : ExitCodes.Success;
        });
        return new Command("config", "Configuration") { check };
    }
}
