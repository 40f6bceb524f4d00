using System.Diagnostics;

namespace OciCleanup.Integration.Tests.Support;

/// <summary>Runs a command-line tool the CI machine has installed (tests/run.sh installs them).</summary>
internal static class Tool
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string file, string? workingDirectory, params string[] args)
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
        return (process.ExitCode, (await stdout) + (await stderr));
    }
}
