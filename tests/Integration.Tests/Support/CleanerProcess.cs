using System.Diagnostics;

namespace OciCleanup.Integration.Tests.Support;

/// <summary>Runs the real <c>oci-cleanup</c> program as a separate process, as an operator would.</summary>
internal static class CleanerProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string>? environment = null, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "oci-cleanup.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("OCI_CLEANUP_CONFIG");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    public static Task<Result> RunAsync(params string[] args) => RunAsync(null, args);

    /// <summary>Runs a command that must work: exit 0 (else the test fails showing standard error); its standard output.</summary>
    public static async Task<string> OutputAsync(params string[] args)
    {
        var result = await RunAsync(args);
        result.ExitCode.ShouldBe(0, result.Stderr);
        return result.Stdout;
    }

    /// <summary>Starts the program and leaves it running (the daemon); output is collected as it comes.</summary>
    public static Running Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "oci-cleanup.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return new Running(Process.Start(start)!);
    }

    public sealed class Running : IDisposable
    {
        private readonly System.Text.StringBuilder _stderr = new();
        private readonly List<(string Text, TaskCompletionSource Seen)> _awaited = [];

        public Running(Process process)
        {
            Process = process;
            process.ErrorDataReceived += (_, e) =>
            {
                lock (_stderr)
                {
                    _stderr.AppendLine(e.Data);
                    foreach (var (text, seen) in _awaited.Where(a => _stderr.ToString().Contains(a.Text, StringComparison.Ordinal)))
                    {
                        seen.TrySetResult();
                    }
                }
            };
            process.OutputDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
        }

        public Process Process { get; }

        public string Stderr { get { lock (_stderr) { return _stderr.ToString(); } } }

        /// <summary>Completes when the program has written <paramref name="text"/> to stderr (a log line), so a test waits on behaviour, not time.</summary>
        public Task WaitForStderrAsync(string text, TimeSpan timeout)
        {
            lock (_stderr)
            {
                var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                if (_stderr.ToString().Contains(text, StringComparison.Ordinal))
                {
                    seen.TrySetResult();
                }

                _awaited.Add((text, seen));
                return seen.Task.WaitAsync(timeout);
            }
        }

        public Task SignalAsync(string signal)
        {
            var number = signal switch { "TERM" => 15, "HUP" => 1, "INT" => 2, _ => throw new ArgumentException(signal, nameof(signal)) };
            if (NativeMethods.kill(Process.Id, number) != 0)
            {
                throw new InvalidOperationException($"kill({Process.Id}, {signal}) failed: errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}");
            }

            return Task.CompletedTask;
        }

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill();
            }

            Process.Dispose();
        }
    }

    private static class NativeMethods
    {
        [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
        [System.Runtime.InteropServices.DefaultDllImportSearchPaths(System.Runtime.InteropServices.DllImportSearchPath.SafeDirectories)]
        internal static extern int kill(int pid, int sig);
    }
}
