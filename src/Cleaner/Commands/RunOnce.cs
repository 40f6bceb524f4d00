using Microsoft.Extensions.Logging;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Cleaner.Reporting;

namespace OciCleanup.Cleaner.Commands;

/// <summary>Loads the configuration, runs once, writes the report; maps every outcome to an exit code.</summary>
internal static class RunOnce
{
    public static async Task<int> ExecuteAsync(string configPath, RunMode? modeOverride, ReportFormat format, string? output, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("oci-cleanup");
        CleanerConfig config;
        try
        {
            config = ConfigLoader.Load(configPath);
        }
        catch (ConfigException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return ExitCodes.Usage;
        }

        var (run, errors) = await RunSetup.CreateAsync(config, loggers, cancellationToken);
        if (run is null)
        {
            foreach (var error in errors)
            {
                await Console.Error.WriteLineAsync(error);
            }

            logger.LogError("Invalid pins files: nothing was contacted and nothing deleted");
            return ExitCodes.Usage;
        }

        var mode = modeOverride ?? config.Mode;
        var outcome = await run.ExecuteAsync(mode, cancellationToken);
        var text = ReportWriter.Render(outcome.Report, format);
        if (output is null)
        {
            await Console.Out.WriteAsync(text);
        }
        else
        {
            await File.WriteAllTextAsync(output, text, cancellationToken);
            logger.LogInformation("Report written to {Output}", output);
        }

        return outcome.ExitCode;
    }
}
