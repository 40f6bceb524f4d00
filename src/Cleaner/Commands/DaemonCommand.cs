using System.CommandLine;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Cleaner.Scheduling;

namespace OciCleanup.Cleaner.Commands;

/// <summary><c>oci-cleanup daemon</c>: stay up and run on the configured Quartz cron schedule.</summary>
internal static class DaemonCommand
{
    public static Command Create(CompositionRoot root)
    {
        var config = CommonOptions.Config();
        var logFormat = CommonOptions.LogFormat();
        var verbose = CommonOptions.Verbose();
        var command = new Command("daemon", "Stay up; run on the Quartz cron schedule, one run at a time; /metrics and /healthz on daemon.listen") { config, logFormat, verbose };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var loggers = root.Loggers(parse.GetValue(logFormat), parse.GetValue(verbose));
            return await new Daemon(root, ConfigLoader.ResolvePath(parse.GetValue(config)), loggers).RunAsync(cancellationToken);
        });
        return command;
    }
}
