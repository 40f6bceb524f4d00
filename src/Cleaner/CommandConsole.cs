namespace OciCleanup.Cleaner;

/// <summary>
/// Where a command writes: standard output and error, and whether each is a terminal (a table or JSON,
/// colour or not). Commands never touch <see cref="System.Console"/>: the process passes
/// <see cref="ForProcess"/> through <see cref="CompositionRoot"/>, a test passes writers it can read.
/// <c>OpenOut</c> is standard output as a stream, for reports streamed as they are written (at 100k versions no string would fit).
/// </summary>
internal sealed record CommandConsole(TextWriter Out, TextWriter Error, Func<Stream> OpenOut, bool OutIsTerminal = false, bool ErrorIsTerminal = false)
{
    public static CommandConsole ForProcess() =>
        new(Console.Out, Console.Error, Console.OpenStandardOutput, !Console.IsOutputRedirected, !Console.IsErrorRedirected);
}
