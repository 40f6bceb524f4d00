using System.Diagnostics;
using OciCleanup.Pins.Git;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Integration.Tests.Git;

/// <summary>A git that never answers (a server that accepts and stalls) is killed at its deadline or on cancellation, and fails the source.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class GitProcessTests : IDisposable
{
    private readonly GitSourceFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    // A git whose fetch blocks until killed; it records its process id first.
    private (GitSourceOptions Options, string PidFile) Stalling()
    {
        var pidFile = Path.Combine(_fixture.Folder, "stalled.pid");
        var wrapper = _fixture.GitWrapper("git-stalls.sh", $"case \"$*\" in *fetch*) echo $$ > '{pidFile}'; exec sleep 600 ;; esac\nexec git \"$@\"\n");
        return (_fixture.Options() with { Git = wrapper, FetchTimeout = TimeSpan.FromSeconds(2) }, pidFile);
    }

    [Fact]
    public async Task Collect_FetchPastItsDeadline_KilledAndTheSourceFails()
    {
        var (options, pidFile) = Stalling();

        var result = await GitSourceFixture.CollectAsync(options);

        result.Status.ShouldBe(SourceStatus.Failed);
        result.Error!.ShouldContain("git fetch took longer than 2 s and was stopped");
        Alive(int.Parse(File.ReadAllText(pidFile).Trim())).ShouldBeFalse();
    }

    [Fact]
    public async Task Collect_Cancelled_KillsGit()
    {
        var (options, pidFile) = Stalling();
        using var cancel = new CancellationTokenSource();
        var source = new GitReferenceSource(options with { FetchTimeout = TimeSpan.FromMinutes(10) }, TimeProvider.System);

        var collect = source.CollectAsync(cancel.Token);
        while (!File.Exists(pidFile) || File.ReadAllText(pidFile).Trim().Length == 0)
        {
            await Task.Delay(20); // polls for the stalled fetch to have started; the assertion waits on no time
        }

        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => collect);
        Alive(int.Parse(File.ReadAllText(pidFile).Trim())).ShouldBeFalse();
    }

    private static bool Alive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
