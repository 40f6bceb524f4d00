using System.CommandLine;
using OciCleanup.Cleaner.Commands;

namespace OciCleanup.Cleaner;

/// <summary>The command line (README.md, "Commands"). Parse errors are usage errors: exit 2.</summary>
public static class Cli
{
    public static Task<int> InvokeAsync(string[] args) => InvokeAsync(args, CompositionRoot.ForProcess());

    /// <summary>The command line over <paramref name="composition"/>: its console, clock and registries (a test's own, or the process's).</summary>
    internal static async Task<int> InvokeAsync(string[] args, CompositionRoot composition)
    {
        var root = new RootCommand("oci-cleanup: registry garbage collection that knows what your clusters run, will run, and track")
        {
            RunCommand.Create(composition),
            DaemonCommand.Create(composition),
            ExplainCommand.Create(composition),
            PinsCheckCommand.Create(composition),
            ConfigCheckCommand.Create(composition),
            RestoreCommand.Create(composition),
        };
        foreach (var command in PlanCommands.Create(composition).Concat(HistoryCommands.Create(composition)))
        {
            root.Subcommands.Add(command);
        }

        var console = composition.Console;
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            await ReportUsageErrorsAsync(root, parse, args, console.Error);
            return ExitCodes.Usage;
        }

        // SIGINT/SIGTERM cancel the token; no forced exit after a timeout, so a delete in flight
        // always finishes (the executor stops between deletes).
        return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null, Output = console.Out, Error = console.Error });
    }

    /// <summary>
    /// Each parse error, with the nearest command or option for a typo; a command group given no command
    /// (no arguments at all, or <c>config</c> alone) also prints its help, so the list of commands is in view.
    /// </summary>
    private static async Task ReportUsageErrorsAsync(RootCommand root, ParseResult parse, string[] args, TextWriter error)
    {
        var command = parse.CommandResult.Command;
        var known = command.Subcommands.SelectMany(c => c.Aliases.Prepend(c.Name))
            .Concat(command.Options.Concat(root.Options.Where(o => o.Recursive)).SelectMany(o => o.Aliases.Prepend(o.Name)))
            .Where(name => !name.StartsWith('/') && name != "-?")
            .ToList();
        var group = command.Subcommands.Count > 0 && command.Action is null;
        foreach (var problem in parse.Errors)
        {
            var typo = parse.UnmatchedTokens.FirstOrDefault(t => problem.Message.Contains($"'{t}'", StringComparison.Ordinal));
            if (typo is null && group && parse.UnmatchedTokens.Count > 0)
            {
                continue; // "Required command was not provided" says nothing the unknown word's line does not
            }

            var hint = typo is null ? null : Suggestion.For(typo, known);
            await error.WriteLineAsync(hint is null ? problem.Message : $"{problem.Message.TrimEnd('.')}: did you mean '{hint}'?");
        }

        if (group && parse.UnmatchedTokens.Count == 0)
        {
            await error.WriteLineAsync();
            await root.Parse([.. args, "--help"]).InvokeAsync(new InvocationConfiguration { Output = error });
        }
    }
}
