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
            await ReportUsageErrorsAsync(root, parse, args);
            return ExitCodes.Usage;
        }

        // SIGINT/SIGTERM cancel the token; no forced exit after a timeout, so a delete in flight
        // always finishes (the executor stops between deletes).
        return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
    }

    /// <summary>
    /// Each parse error, with the nearest command or option for a typo; a command group given no command
    /// (no arguments at all, or <c>config</c> alone) also prints its help, so the list of commands is in view.
    /// </summary>
    private static async Task ReportUsageErrorsAsync(RootCommand root, ParseResult parse, string[] args)
    {
        var command = parse.CommandResult.Command;
        var known = command.Subcommands.SelectMany(c => c.Aliases.Prepend(c.Name))
            .Concat(command.Options.Concat(root.Options.Where(o => o.Recursive)).SelectMany(o => o.Aliases.Prepend(o.Name)))
            .Where(name => !name.StartsWith('/') && name != "-?")
            .ToList();
        var group = command.Subcommands.Count > 0 && command.Action is null;
        foreach (var error in parse.Errors)
        {
            var typo = parse.UnmatchedTokens.FirstOrDefault(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal));
            if (typo is null && group && parse.UnmatchedTokens.Count > 0)
            {
                continue; // "Required command was not provided" says nothing the unknown word's line does not
            }

            var hint = typo is null ? null : Suggestion.For(typo, known);
            await Console.Error.WriteLineAsync(hint is null ? error.Message : $"{error.Message.TrimEnd('.')}: did you mean '{hint}'?");
        }

        if (group && parse.UnmatchedTokens.Count == 0)
        {
            await Console.Error.WriteLineAsync();
            await root.Parse([.. args, "--help"]).InvokeAsync(new InvocationConfiguration { Output = Console.Error });
        }
    }
}
