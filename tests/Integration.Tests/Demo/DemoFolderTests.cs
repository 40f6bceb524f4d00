using System.Diagnostics;

namespace OciCleanup.Integration.Tests.Demo;

/// <summary>
/// The demo (<c>dotnet run --project demo</c>, its built program run here as a process) removes the
/// <c>oci-cleanup-demo-*</c> folder it made, on a normal end and on Ctrl-C. TMPDIR points at a folder of
/// the test's own, so what is left there is the demo's.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class DemoFolderTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    /// <summary>The demo built with the same configuration as these tests (the solution builds it).</summary>
    private static string DemoDll
    {
        get
        {
            var baseDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
            return Repository.PathOf(Path.Combine("demo", "bin", baseDir.Parent!.Name, baseDir.Name, "oci-cleanup-demo.dll"));
        }
    }

    private CleanerProcess.Running Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(DemoDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["TMPDIR"] = _tmp.Path;
        start.Environment.Remove("OCI_CLEANUP_CONFIG");
        return new CleanerProcess.Running(Process.Start(start)!);
    }

    private string[] DemoFolders => Directory.GetDirectories(_tmp.Path, "oci-cleanup-demo-*");

    [Fact]
    public async Task Demo_DryRunToTheEnd_LeavesNoFolderBehind()
    {
        using var demo = Start("--report", "json");
        await demo.WaitForStderrAsync("config in ", TimeSpan.FromMinutes(1));
        DemoFolders.ShouldHaveSingleItem("the demo writes its config into one folder under TMPDIR");

        await demo.Process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);

        // The demo fleet's dry-run is blocked by the default limits (exit 1); it ran to its end all the same.
        demo.Stderr.ShouldContain("requests to the registry, 0 of them DELETE/PUT/POST");
        DemoFolders.ShouldBeEmpty();
    }

    [Fact]
    public async Task Demo_CtrlCDuringTheFirstRunWalkthrough_LeavesNoFolderBehind()
    {
        using var demo = Start("first-run");
        await demo.WaitForStderrAsync("config in ", TimeSpan.FromMinutes(1));
        DemoFolders.ShouldHaveSingleItem();

        await demo.SignalAsync("INT");
        await demo.Process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);

        DemoFolders.ShouldBeEmpty(demo.Stderr);
    }
}
