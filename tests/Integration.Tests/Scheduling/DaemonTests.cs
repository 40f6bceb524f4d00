using System.Globalization;
using System.Text.RegularExpressions;

namespace OciCleanup.Integration.Tests.Scheduling;

/// <summary>The real daemon on an every-few-seconds cron against the Gitea test server.</summary>
public sealed partial class DaemonTests : IAsyncLifetime
{
    private const string Token = "daemon-token";
    private readonly GiteaFleet _fleet = new(Token);
    private readonly int _port = FreePort.Next();
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        await _fleet.StartAsync();
        var old = DateTimeOffset.UtcNow.AddDays(-100);
        for (var i = 1; i <= 10; i++)
        {
            _fleet.Gitea.Push("oleks", "app", $"v{i}", StoredManifest.Image($"v{i}"), old.AddHours(i));
        }

    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fleet.DisposeAsync();
    }

    private string Config(string schedule, int keepLast) => _fleet.Config(
        $"default: {{keepLast: {keepLast}, keepWithinDays: 0}}", report: null, pins: null, extra: $"schedule: \"{schedule}\"\ndaemon:\n  listen: 127.0.0.1:{_port}");

    private async Task<Dictionary<string, double>> MetricsAsync()
    {
        var text = await _http.GetStringAsync(new Uri($"http://127.0.0.1:{_port}/metrics"));
        return MetricLine().Matches(text).ToDictionary(m => m.Groups[1].Value, m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    private async Task<Dictionary<string, double>> WaitForRunsAsync(long runs, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var metrics = await MetricsAsync();
                if (metrics.GetValueOrDefault("oci_cleanup_runs_total") >= runs)
                {
                    return metrics;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"fewer than {runs} runs within {timeout}");
    }

    private int RunsSeenByRegistry() => _fleet.Gitea.Requests.Count(r => r.Path == "/api/v1/packages/oleks" && r.Query.Contains("page=1", StringComparison.Ordinal));

    [Fact]
    public async Task Daemon_EveryTwoSeconds_RunsOnScheduleAndExposesMetrics()
    {
        using var daemon = CleanerProcess.Start("daemon", "--config", Config("0/2 * * * * ?", keepLast: 3));

        var metrics = await WaitForRunsAsync(2, TimeSpan.FromSeconds(30));

        metrics["oci_cleanup_last_run_success"].ShouldBe(1);
        metrics["oci_cleanup_last_run_versions"].ShouldBe(10);
        metrics["oci_cleanup_last_run_decisions{action=\"keep\"}"].ShouldBe(3);
        metrics["oci_cleanup_last_run_decisions{action=\"delete\"}"].ShouldBe(7);
        metrics["oci_cleanup_last_run_deleted"].ShouldBe(0);
        metrics["oci_cleanup_last_run_blocked"].ShouldBe(0);
        metrics["oci_cleanup_last_run_sources_failed"].ShouldBe(0);
        (await _http.GetStringAsync(new Uri($"http://127.0.0.1:{_port}/healthz"))).ShouldBe("ok\n");

        await daemon.SignalAsync("TERM");
        await daemon.Process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(15)).Token);
        daemon.Process.ExitCode.ShouldBe(0, daemon.Stderr);
        var runs = (long)metrics["oci_cleanup_runs_total"];
        // Exactly one inventory per run: the registry saw as many runs as the daemon counted (at least).
        RunsSeenByRegistry().ShouldBeGreaterThanOrEqualTo((int)runs);
        daemon.Stderr.ShouldContain("Daemon stopped after");
        _fleet.Gitea.Requests.ShouldNotContain(r => r.Method == "DELETE");
        File.Exists(Path.Combine(_fleet.Folder.Path, "state", "last-report.json")).ShouldBeTrue();
    }

    [Fact]
    public async Task Daemon_RunSlowerThanSchedule_NeverOverlapsAndSkipsMissedFires()
    {
        var inFlight = 0;
        var maxInFlight = 0;
        _fleet.Gitea.BeforeRequest = request =>
        {
            if (request.Path == "/api/v1/packages/oleks")
            {
                var now = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref maxInFlight, now);
                Thread.Sleep(2500);
                Interlocked.Decrement(ref inFlight);
            }
        };
        using var daemon = CleanerProcess.Start("daemon", "--config", Config("* * * * * ?", keepLast: 3));

        await WaitForRunsAsync(3, TimeSpan.FromSeconds(40));
        await daemon.SignalAsync("TERM");
        await daemon.Process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(15)).Token);

        maxInFlight.ShouldBe(1);
        var starts = _fleet.Gitea.Requests.Count(r => r.Path == "/api/v1/packages/oleks");
        // A cron firing every second with runs of ≥ 2.5 s: missed fires are dropped, not queued.
        daemon.Process.ExitCode.ShouldBe(0);
        starts.ShouldBeLessThanOrEqualTo(6);
    }

    [Fact]
    public async Task Daemon_Sighup_ReloadsConfigurationForTheNextRun()
    {
        var config = Config("0/2 * * * * ?", keepLast: 3);
        using var daemon = CleanerProcess.Start("daemon", "--config", config);
        (await WaitForRunsAsync(1, TimeSpan.FromSeconds(30)))["oci_cleanup_last_run_decisions{action=\"keep\"}"].ShouldBe(3);

        Config("0/1 * * * * ?", keepLast: 6);
        await daemon.SignalAsync("HUP");
        var runsBefore = (long)(await MetricsAsync())["oci_cleanup_runs_total"];
        var after = await WaitForRunsAsync(runsBefore + 1, TimeSpan.FromSeconds(30));

        after["oci_cleanup_last_run_decisions{action=\"keep\"}"].ShouldBe(6);
        daemon.Stderr.ShouldContain("configuration reloaded");
        await daemon.SignalAsync("TERM");
        await daemon.Process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(15)).Token);
        daemon.Process.ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Run_WhileAnotherRunHoldsTheLock_RefusesAndContactsNothing()
    {
        var config = Config("0 30 3 * * ?", keepLast: 3);
        Directory.CreateDirectory(Path.Combine(_fleet.Folder.Path, "state"));
        await using (new FileStream(Path.Combine(_fleet.Folder.Path, "state", "run.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var result = await CleanerProcess.RunAsync("run", "--config", config, "--delete");

            result.ExitCode.ShouldBe(1);
            result.Stderr.ShouldContain("Another run holds the lock");
            _fleet.Gitea.Requests.ShouldBeEmpty();
        }

        (await CleanerProcess.RunAsync("run", "--config", config, "--report", "json")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Run_MetricsFileConfigured_WritesTextfileCollectorFormat()
    {
        var config = Config("0 30 3 * * ?", keepLast: 4);
        await File.AppendAllTextAsync(config, "\nreport:\n  metricsFile: metrics/oci-cleanup.prom\n");

        var result = await CleanerProcess.RunAsync("run", "--config", config, "--report", "json");

        result.ExitCode.ShouldBe(0, result.Stderr);
        var text = await File.ReadAllTextAsync(Path.Combine(_fleet.Folder.Path, "metrics", "oci-cleanup.prom"));
        text.ShouldContain("# TYPE oci_cleanup_last_run_timestamp_seconds gauge");
        text.ShouldContain("oci_cleanup_last_run_decisions{action=\"keep\"} 4\n");
        text.ShouldContain("oci_cleanup_last_run_success 1\n");
        Directory.GetFiles(Path.Combine(_fleet.Folder.Path, "metrics")).Length.ShouldBe(1);
    }

    [Fact]
    public async Task Run_StderrNotATerminal_LogsAreJsonLinesWithoutTheToken()
    {
        var result = await CleanerProcess.RunAsync("run", "--config", Config("0 30 3 * * ?", keepLast: 3), "--report", "json", "--verbose");

        result.ExitCode.ShouldBe(0, result.Stderr);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBeGreaterThan(10);
        foreach (var line in lines)
        {
            using var json = System.Text.Json.JsonDocument.Parse(line);
            json.RootElement.TryGetProperty("@mt", out var template).ShouldBeTrue(line);
            template.GetString().ShouldNotBeNullOrEmpty();
        }

        result.Stderr.ShouldNotContain(Token);
        result.Stdout.ShouldNotContain(Token);
    }

    [Fact]
    public async Task Daemon_SigtermDuringDeletes_FinishesTheDeleteInFlightAndStops()
    {
        var firstDelete = new TaskCompletionSource();
        _fleet.Gitea.BeforeRequest = request =>
        {
            if (request.Method == "DELETE")
            {
                firstDelete.TrySetResult();
                Thread.Sleep(1500);
            }
        };
        var config = Config("0/1 * * * * ?", keepLast: 3);
        await File.AppendAllTextAsync(config, "\nmode: delete\nreport:\n  auditLog: audit.jsonl\n");
        using var daemon = CleanerProcess.Start("daemon", "--config", config);

        await firstDelete.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await daemon.SignalAsync("TERM");
        await daemon.Process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);

        daemon.Process.ExitCode.ShouldBe(0, daemon.Stderr);
        var deletes = _fleet.Gitea.Requests.Count(r => r.Method == "DELETE");
        deletes.ShouldBe(1, "the delete in flight finishes; no new one starts after SIGTERM");
        _fleet.Gitea.Versions.Count.ShouldBe(9);
        var audit = await File.ReadAllLinesAsync(Path.Combine(_fleet.Folder.Path, "audit.jsonl"));
        audit.Length.ShouldBe(2, "the attempt, then its outcome");
        audit[0].ShouldContain("\"result\":\"attempting\"");
        audit[1].ShouldContain("\"result\":\"deleted\"");
        var report = new ReportJson(await File.ReadAllTextAsync(Path.Combine(_fleet.Folder.Path, "state", "last-report.json")));
        report.Decisions.Count(d => d.TryGetProperty("resultDetail", out var why) && why.GetString()!.Contains("told to stop", StringComparison.Ordinal)).ShouldBe(6);
    }

    [Fact]
    public async Task Daemon_RunPastRunTimeout_IsCancelledCountedFailedAndTheNextRunStarts()
    {
        using var release = new ManualResetEventSlim();
        var answered = 0;
        _fleet.Gitea.BeforeRequest = request =>
        {
            // The first run's first list request gets no answer: a registry that hangs.
            if (request.Path == "/api/v1/packages/oleks" && Interlocked.Exchange(ref answered, 1) == 0)
            {
                release.Wait(TimeSpan.FromMinutes(2));
            }
        };
        var config = Config("* * * * * ?", keepLast: 3);
        await File.AppendAllTextAsync(config, "\n  runTimeout: 10s\n");
        using var daemon = CleanerProcess.Start("daemon", "--config", config);

        var metrics = await WaitForRunsAsync(2, TimeSpan.FromSeconds(60));
        release.Set();

        daemon.Stderr.ShouldContain("still running after daemon.runTimeout");
        // The run after the hung one got the lock and did the job.
        metrics["oci_cleanup_last_run_success"].ShouldBe(1, daemon.Stderr);
        metrics["oci_cleanup_last_run_decisions{action=\"delete\"}"].ShouldBe(7);
        RunsSeenByRegistry().ShouldBeGreaterThanOrEqualTo(2);
        daemon.Stderr.ShouldNotContain("Another run holds the lock");
        await daemon.SignalAsync("TERM");
        await daemon.Process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(15)).Token);
        daemon.Process.ExitCode.ShouldBe(0, daemon.Stderr);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    [GeneratedRegex(@"^(oci_cleanup_[a-z_]+(?:\{[^}]*\})?) (\S+)$", RegexOptions.Multiline)]
    private static partial Regex MetricLine();
}
