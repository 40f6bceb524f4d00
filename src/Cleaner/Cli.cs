using System.CommandLine;
using OciCleanup.Cleaner.Commands;

namespace OciCleanup.Cleaner;

/// <summary>The command line of SPEC §2. Parse errors are usage errors: exit 2.</summary>
public static class Cli
{
    public static async Task<int> InvokeAsync(string[] args)
    {
        var root = new RootCommand("oci-cleanup: registry garbage collection that knows what your clusters run, will run, and track")
        {
            RunCommand.Create(),
            DaemonCommand.Create(),
            ExplainCommand.Create(),
            PinsCheckCommand.Create(),
            ConfigCheckCommand.Create(),
            RestoreCommand.Create(),
        };
        foreach (var command in PlanCommands.Create().Concat(HistoryCommands.Create()))
        {
            root.Subcommands.Add(command);
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync(error.Message);
            }

            return ExitCodes.Usage;
        }

        // SIGINT/SIGTERM cancel the token; no forced exit after a timeout, so a delete in flight
        // always finishes (the executor stops between deletes).
        return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
    }
}
