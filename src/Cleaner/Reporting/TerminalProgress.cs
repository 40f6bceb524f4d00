using Spectre.Console;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>
/// Progress on a terminal's standard error (Spectre.Console), one line per step so it reads well
/// between log lines; no colour with <c>NO_COLOR</c>. <see cref="For"/> picks it only for a terminal.
/// </summary>
internal sealed class TerminalProgress(IAnsiConsole console) : IRunProgress
{
    /// <summary>A terminal gets progress; anything else (a file, a pipe, the journal) gets none.</summary>
    public static IRunProgress For(bool errorRedirected, string? noColor) => errorRedirected
        ? NoProgress.Instance
        : new TerminalProgress(AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            ColorSystem = string.IsNullOrEmpty(noColor) ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        }));

    public void RegistryListed(string registry, int packages, int versions, string? error) =>
        Line(error, $"registry {registry}: {Plural.Of(packages, "package")}, {Plural.Of(versions, "version")} listed", $"registry {registry}: {error}");

    public void SourceCollected(string source, int references, string? error) =>
        Line(error, $"{source}: {Plural.Of(references, "reference")}", $"{source}: {error}");

    private void Line(string? error, string ok, string failed)
    {
        lock (console)
        {
            // An error is the registry's or the cluster's own words: no control character of theirs reaches the terminal.
            console.MarkupLine(error is null ? $"[green]✓[/] {Markup.Escape(ok)}" : $"[red]✗[/] {Markup.Escape(TerminalText.Safe(failed))}");
        }
    }
}
