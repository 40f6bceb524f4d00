using System.Text;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>
/// Where the report goes, opened before the run starts (ARCHITECTURE.md, "Safety invariants and where each is enforced": an unwritable <c>--output</c> is
/// found before any delete). When the file cannot be opened the report still reaches standard
/// output, and <see cref="Problem"/> says why no delete may start.
/// </summary>
internal sealed class ReportDestination : IDisposable
{
    private readonly FileStream? _file;
    private readonly CommandConsole _console;

    private ReportDestination(FileStream? file, string? problem, CommandConsole console)
    {
        _file = file;
        Problem = problem;
        _console = console;
    }

    public string? Problem { get; }

    /// <summary>The file <paramref name="output"/>, or the console's standard output when none is given.</summary>
    public static ReportDestination Open(string? output, CommandConsole console)
    {
        if (output is null)
        {
            return new ReportDestination(null, null, console);
        }

        try
        {
            // OpenOrCreate: proves the path writable now without truncating it before there is a report.
            return new ReportDestination(new FileStream(output, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read), null, console);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ReportDestination(null, $"the report cannot be written to {output} ({e.Message}): no delete without a report; it goes to standard output instead", console);
        }
    }

    public async Task WriteAsync(string text, CancellationToken cancellationToken)
    {
        if (_file is null)
        {
            await _console.Out.WriteAsync(text);
            await _console.Out.FlushAsync(cancellationToken);
            return;
        }

        if (_file.CanSeek)
        {
            _file.SetLength(0);
        }

        await _file.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await _file.FlushAsync(cancellationToken);
    }

    /// <summary>Streams a report straight to the file or standard output, replacing what the file held.</summary>
    public async Task WriteAsync(Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        if (_file is null)
        {
            await _console.Out.FlushAsync(cancellationToken);
            await using var stdout = _console.OpenOut();
            await write(stdout, cancellationToken);
            await stdout.FlushAsync(cancellationToken);
            return;
        }

        if (_file.CanSeek)
        {
            _file.SetLength(0);
        }

        await write(_file, cancellationToken);
        await _file.FlushAsync(cancellationToken);
    }

    public void Dispose() => _file?.Dispose();
}
