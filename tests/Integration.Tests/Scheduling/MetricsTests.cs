namespace OciCleanup.Integration.Tests.Scheduling;

/// <summary>
/// The metrics a real run leaves for node_exporter's textfile collector, and the daemon's /metrics,
/// checked by promtool (Debian package prometheus, installed by tests/run.sh).
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class MetricsTests : IAsyncLifetime
{
    private readonly GiteaFleet _fleet = new("metrics-token");

    private static string Dll => Path.Combine(AppContext.BaseDirectory, "oci-cleanup.dll");

    private string MetricsFile => Path.Combine(_fleet.Folder.Path, "textfile", "oci-cleanup.prom");

    public async Task InitializeAsync()
    {
        await _fleet.StartAsync(pins: "container/app==v1\n");
        for (var i = 1; i <= 6; i++)
        {
            _fleet.Gitea.Push("oleks", "app", $"v{i}", StoredManifest.Image($"v{i}"), DateTimeOffset.UtcNow.AddDays(-50 + i));
        }
    }

    public Task DisposeAsync() => _fleet.DisposeAsync().AsTask();

    private string Config(string pinsFile = "pins.txt", string extra = "", string report = "") =>
        _fleet.Config("default: {keepLast: 2, keepWithinDays: 0}", report: "metricsFile: textfile/oci-cleanup.prom" + report, pins: pinsFile, extra: extra);

    /// <summary>A run as systemd starts it: umask 0077.</summary>
    private async Task<Tool.Result> RunUnderUmask077Async(string config)
    {
        var result = await Tool.RunAsync("bash", _fleet.Folder.Path, "-c", $"umask 0077; exec dotnet '{Dll}' run --config '{config}' --report json");
        return result;
    }

    private static async Task<Tool.Result> PromtoolCheckAsync(string file) =>
        await Tool.RunAsync("bash", null, "-c", $"promtool check metrics < '{file}'");

    [Fact]
    public async Task Run_UnderUmask0077_TextfileAndItsFolderAreReadableByNodeExporter()
    {
        var result = await RunUnderUmask077Async(Config());

        result.ExitCode.ShouldBe(0, result.Stderr);
        File.GetUnixFileMode(MetricsFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.GetUnixFileMode(Path.GetDirectoryName(MetricsFile)!).HasFlag(UnixFileMode.OtherExecute | UnixFileMode.OtherRead).ShouldBeTrue();
    }

    [Fact]
    public async Task Run_SuccessThenFailure_TextfileKeepsTheLastSuccessAndCountsBothRuns()
    {
        (await RunUnderUmask077Async(Config())).ExitCode.ShouldBe(0);
        var first = await File.ReadAllTextAsync(MetricsFile);
        var success = first.Split('\n').Single(l => l.StartsWith("oci_cleanup_last_success_timestamp_seconds ", StringComparison.Ordinal));

        var failed = await RunUnderUmask077Async(Config(pinsFile: "missing-pins.txt"));

        failed.ExitCode.ShouldBe(1);
        var second = await File.ReadAllTextAsync(MetricsFile);
        second.ShouldContain("\noci_cleanup_last_run_success 0\n");
        second.ShouldContain($"\n{success}\n");
        second.ShouldContain("\noci_cleanup_runs_total 2\n");
        second.ShouldContain("\noci_cleanup_build_info{version=\"");
    }

    [Fact]
    public async Task Run_TextfileOfARealRun_PromtoolCheckMetricsIsClean()
    {
        (await RunUnderUmask077Async(Config())).ExitCode.ShouldBe(0);
        (await RunUnderUmask077Async(Config(pinsFile: "missing-pins.txt"))).ExitCode.ShouldBe(1);

        var check = await PromtoolCheckAsync(MetricsFile);

        (await File.ReadAllTextAsync(MetricsFile)).ShouldContain("\noci_cleanup_last_run_blocked 1\n");
        check.ExitCode.ShouldBe(0, check.Output);
        check.Output.ShouldBeEmpty();
    }

    [Fact]
    public async Task Run_SizesMeasured_TextfileHasTheReportsReclaimableBytesAndPromtoolIsClean()
    {
        // Right under report.metricsFile: report.sizes.
        var result = await CleanerProcess.RunAsync("run", "--config", Config(report: ", sizes: true"), "--report", "json");
        result.ExitCode.ShouldBe(0, result.Stderr);
        var reclaimable = new ReportJson(result.Stdout).Summary.GetProperty("reclaimableBytes").GetInt64();

        var text = await File.ReadAllTextAsync(MetricsFile);
        var check = await PromtoolCheckAsync(MetricsFile);

        reclaimable.ShouldBeGreaterThan(0);
        text.ShouldContain($"\noci_cleanup_last_run_reclaimable_bytes {reclaimable}\n");
        check.ExitCode.ShouldBe(0, check.Output);
        check.Output.ShouldBeEmpty();
    }

    [Fact]
    public async Task Daemon_MetricsEndpointBeforeAndAfterARun_PromtoolCheckMetricsIsClean()
    {
        var port = FreePort.Next();
        var config = Config(extra: $"schedule: \"0/2 * * * * ?\"\ndaemon:\n  listen: 127.0.0.1:{port}");
        using var http = new HttpClient();
        using var daemon = CleanerProcess.Start("daemon", "--config", config);
        var url = new Uri($"http://127.0.0.1:{port}/metrics");
        var texts = new List<string>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !texts.Any(t => t.Contains("oci_cleanup_last_success_timestamp_seconds", StringComparison.Ordinal)))
        {
            try
            {
                texts.Add(await http.GetStringAsync(url));
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        await daemon.SignalAsync("TERM");
        texts.ShouldContain(t => t.Contains("oci_cleanup_last_success_timestamp_seconds", StringComparison.Ordinal), daemon.Stderr);
        foreach (var text in new[] { texts[0], texts[^1] })
        {
            var file = _fleet.Folder.Write("scraped.prom", text);
            var check = await PromtoolCheckAsync(file);
            check.ExitCode.ShouldBe(0, check.Output + text);
            check.Output.ShouldBeEmpty();
            text.ShouldContain("oci_cleanup_build_info{version=\"");
        }
    }
}
