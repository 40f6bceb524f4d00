namespace OciCleanup.Cleaner.Reporting;

/// <summary>
/// How the reports for a person look where they are shown: the terminal's width, whether colour is
/// wanted (a terminal, and no <c>NO_COLOR</c>), and the tool's version for the headings.
/// </summary>
internal sealed record ReportLook(int Width, bool Colour, string ToolVersion)
{
    /// <summary>Width of a table that goes to a file or a pipe.</summary>
    public const int PlainWidth = 120;

    /// <summary>Standard output as it is now; see https://no-color.org (present and not empty).</summary>
    public static ReportLook ForStandardOutput(bool toFile, CommandConsole console)
    {
        var terminal = !toFile && console.OutIsTerminal;
        var colour = terminal && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        return new ReportLook(terminal ? Math.Max(60, SafeWindowWidth()) : PlainWidth, colour, BuildInfo.Version);
    }

    private static int SafeWindowWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : PlainWidth;
        }
        catch (IOException)
        {
            return PlainWidth;
        }
    }
}
