using System.Diagnostics;
using System.Text.RegularExpressions;
using OciCleanup.Integration.Tests.Support;

namespace OciCleanup.Integration.Tests.Demo;

/// <summary>
/// Issue 20's "done when": the seed-004 demo (<c>dotnet run --project demo -- ghcr first-run</c>) dry-runs,
/// plans, applies and restores end to end, with nothing a workload names deleted, no <c>/v2</c> DELETE
/// and no manifest read twice — as the demo's own closing line counts them on its test servers.
/// </summary>
public sealed partial class GhcrDemoTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task GhcrFirstRun_EveryStep_DeletesOnlyUnreferencedReadsEachManifestOnceAndRestores()
    {
        var baseDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Repository.PathOf(Path.Combine("demo", "bin", baseDir.Parent!.Name, baseDir.Name, "oci-cleanup-demo.dll")));
        start.ArgumentList.Add("ghcr");
        start.ArgumentList.Add("first-run");
        start.Environment["TMPDIR"] = _tmp.Path;
        start.Environment.Remove("OCI_CLEANUP_CONFIG");
        using var demo = Process.Start(start)!;
        var stdout = demo.StandardOutput.ReadToEndAsync();
        var stderr = demo.StandardError.ReadToEndAsync();
        await demo.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token);
        var (output, log) = (await stdout, await stderr);

        // The one failure is by the fleet's design: beadboard's first build, public and pulled more than 5,000 times, which GitHub refuses to delete.
        demo.ExitCode.ShouldBe(1, log);
        output.ShouldContain("152 deleted, 1 failed");
        var restore = output[output.IndexOf("$ oci-cleanup restore", StringComparison.Ordinal)..];
        restore.ShouldContain("restore: 1 restored");
        restore.ShouldContain("(exit 0)");
        restore.ShouldNotContain("too late");
        var summary = Summary().Match(log);
        summary.Success.ShouldBeTrue(log);
        int.Parse(summary.Groups["writes"].Value, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(1, "apply deletes and restore posts");
        summary.Groups["v2"].Value.ShouldBe("0");
        summary.Groups["most"].Value.ShouldBe("1");
        summary.Groups["protected"].Value.ShouldBe("0");
    }

    [GeneratedRegex(@"\((?<writes>\d+) DELETE/POST\), \d+ ghcr\.io requests \((?<v2>\d+) /v2 DELETE\), \d+ manifest downloads, at most (?<most>\d+) of any one manifest, (?<protected>\d+) versions a workload names deleted")]
    private static partial Regex Summary();
}
