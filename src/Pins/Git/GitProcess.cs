using System.Diagnostics;
using System.Text;

namespace OciCleanup.Pins.Git;

/// <summary>
/// Runs <c>git</c> with an argument list (no shell), the source's environment and a deadline; a timeout or
/// a cancellation kills the process tree. Errors carry git's own message with credentials redacted.
/// </summary>
public sealed class GitProcess(string git, IReadOnlyDictionary<string, string> environment, string? gitDirectory = null)
{
    private int _spawned;

    /// <summary>How many git processes this runner started (the benchmark reports it).</summary>
    public int Spawned => _spawned;

    /// <summary>Runs git to completion and returns its standard output; throws <see cref="GitException"/> on a non-zero exit.</summary>
    public async Task<byte[]> RunAsync(IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var process = Start(arguments, redirectInput: false);
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output, cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await WaitAsync(process, arguments, timeout, cancellationToken, copy, errors);
        }
        finally
        {
            Kill(process);
        }

        return output.ToArray();
    }

    /// <summary>Runs git with <paramref name="input"/> written to its standard input while <paramref name="read"/> consumes its output.</summary>
    public async Task<T> StreamAsync<T>(IReadOnlyList<string> arguments, Func<Stream, Task> input, Func<Stream, Task<T>> read, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var process = Start(arguments, redirectInput: true);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        var write = Task.Run(async () =>
        {
            await using var stdin = process.StandardInput.BaseStream;
            await input(stdin);
        }, cancellationToken);
        var result = read(process.StandardOutput.BaseStream);
        try
        {
            await WaitAsync(process, arguments, timeout, cancellationToken, write, result, errors);
        }
        finally
        {
            Kill(process);
        }

        return await result;
    }

    private Process Start(IReadOnlyList<string> arguments, bool redirectInput)
    {
        var start = new ProcessStartInfo(git)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (gitDirectory is not null)
        {
            start.ArgumentList.Add("--git-dir=" + gitDirectory);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        Interlocked.Increment(ref _spawned);
        try
        {
            return Process.Start(start) ?? throw new GitException("git could not be started");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new GitException($"git could not be started ({e.Message}): is it installed?", e);
        }
    }

    private static async Task WaitAsync(Process process, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken, params Task[] pending)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await Task.WhenAll(pending).WaitAsync(deadline.Token);
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            Kill(process);
            cancellationToken.ThrowIfCancellationRequested();
            if (deadline.IsCancellationRequested)
            {
                throw new GitException($"git {arguments[0]} took longer than {timeout.TotalSeconds:0} s and was stopped", e);
            }

            // A broken pipe: git died early; its exit code and message say why below.
            await process.WaitForExitAsync(CancellationToken.None);
        }

        if (process.ExitCode != 0)
        {
            var message = pending[^1] is Task<string> { IsCompletedSuccessfully: true } errors ? errors.Result : "";
            throw new GitException($"git {arguments[0]} failed (exit {process.ExitCode}): {Redaction.Apply(FirstLines(message))}");
        }
    }

    // Whatever ended the wait early (a reader that threw, a cancellation) leaves no git behind.
    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static string FirstLines(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "no message" : string.Join("; ", lines.Take(3));
    }
}
