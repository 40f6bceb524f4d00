using System.Diagnostics;

namespace OciCleanup.Integration.Tests.Support;

/// <summary>
/// Runs a command-line tool the CI machine has installed (tests/run.sh installs them). Standard
/// output and standard error come back apart: a tool may warn on stderr on a fresh machine (nix's
/// missing build-users group), and a test that parses output must read stdout alone.
/// </summary>
internal static class Tool
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        /// <summary>Both streams, for failure messages and for checks that any output is a warning.</summary>
        public string Output => Stdout + Stderr;
    }

    public static async Task<Result> RunAsync(string file, string? workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
