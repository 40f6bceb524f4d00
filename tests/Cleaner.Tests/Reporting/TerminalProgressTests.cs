using Spectre.Console;

namespace OciCleanup.Cleaner.Tests.Reporting;

public class TerminalProgressTests
{
    [Fact]
    public void For_StandardErrorRedirected_IsSilent() =>
        TerminalProgress.For(errorRedirected: true, noColor: null).ShouldBeSameAs(NoProgress.Instance);

    [Fact]
    public void Steps_OnATerminalWithoutColour_AreOneLineEachWithoutEscapes()
    {
        using var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(text), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        var progress = new TerminalProgress(console);

        progress.RegistryListed("main", 1, 43, null);
        progress.SourceCollected("cluster:armer", 0, "HTTP 403 [forbidden]");

        text.ToString().ReplaceLineEndings("\n").ShouldBe("✓ registry main: 1 package, 43 versions listed\n✗ cluster:armer: HTTP 403 [forbidden]\n");
    }

    [Fact]
    public void SourceCollected_ErrorWithEscapeSequences_IsShownEscaped()
    {
        using var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(text), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });

        new TerminalProgress(console).SourceCollected("cluster:armer", 0, "HTTP 500 " + HostileReport.Osc52Clipboard);

        text.ToString().ReplaceLineEndings("\n").ShouldBe("✗ cluster:armer: HTTP 500 \\x1b]52;c;Y3VybCBldmlsIHwgc2g=\\x07\n");
    }
}
