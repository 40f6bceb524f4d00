namespace OciCleanup.Integration.Tests.Faults;

/// <summary>
/// SPEC §7 in delete mode: every attempt is audited, the report is always written, and a run told to
/// stop, a registry that vanishes or a destination that cannot be written never loses the trace.
/// </summary>
public sealed class GiteaDeleteFaultTests : IAsyncLifetime
{
    private readonly GiteaFaultFleet _fleet = new();

    public Task InitializeAsync() => _fleet.StartAsync();

    public async Task DisposeAsync() => await _fleet.DisposeAsync();

    [Fact]
    public async Task Delete_RegistryVanishesAfterTheFirstDelete_StopsAfterThreeFailuresAuditedValidationFailsReportWritten()
    {
        var deleted = 0;
        _fleet.Proxy.Faults = e =>
        {
            if (Volatile.Read(ref deleted) > 0)
            {
                return new Fault.Reset();
            }

            if (e.Method == "DELETE")
            {
                Interlocked.Increment(ref deleted);
            }

            return null;
        };

        var result = await CleanerProcess.RunAsync("run", "--config", _fleet.Config(), "--delete", "--report", "json");

        result.ExitCode.ShouldBe(1);
        var report = new ReportJson(result.Stdout);
        report.Summary.GetProperty("deleted").GetInt32().ShouldBe(1);
        report.Summary.GetProperty("failed").GetInt32().ShouldBe(3, "three failures in a row: the registry is gone, the rest is not attempted");
        report.Decisions.Count(d => d.TryGetProperty("resultDetail", out var why) && why.GetString()!.Contains("not attempted", StringComparison.Ordinal)).ShouldBe(54);
        report.Decisions.Where(d => d.TryGetProperty("result", out var r) && r.GetString() == "failed")
            .ShouldAllBe(d => d.GetProperty("resultDetail").GetString()!.Contains("connection reset", StringComparison.Ordinal));
        report.Source("validation:kept-indexes").GetProperty("error").GetString()!.ShouldContain("could not be checked");
        _fleet.AuditLines.Count(l => l.Contains("\"result\":\"attempting\"", StringComparison.Ordinal)).ShouldBe(4);
        _fleet.AuditLines.Count(l => l.Contains("\"result\":\"failed\"", StringComparison.Ordinal)).ShouldBe(3);
        _fleet.Gitea.Versions.Count.ShouldBe(GiteaFaultFleet.VersionCount - 1);

        _fleet.Proxy.Faults = null;
        var again = await CleanerProcess.RunAsync("run", "--config", _fleet.Config(), "--delete", "--report", "json");
        again.ExitCode.ShouldBe(0, again.Stderr);
        _fleet.Gitea.Versions.Select(v => v.Version).ShouldBe(new[] { "v60", "v59", "multi" }.Concat(_fleet.Index.Children), ignoreOrder: true);
    }

    [Fact]
    public async Task Delete_SigtermDuringASlowDelete_FinishesItAuditsItStartsNoOtherAndWritesTheReport()
    {
        using var release = new ManualResetEventSlim();
        var firstDelete = new TaskCompletionSource();
        _fleet.Gitea.BeforeRequest = request =>
        {
            if (request.Method == "DELETE")
            {
                firstDelete.TrySetResult();
                release.Wait(TimeSpan.FromSeconds(30)); // held until the signal has been seen
            }
        };
        var output = Path.Combine(_fleet.Folder.Path, "report.json");
        using var run = CleanerProcess.Start("run", "--config", _fleet.Config(), "--delete", "--report", "json", "--output", output);

        await firstDelete.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await run.SignalAsync("TERM");
        await run.WaitForStderrAsync("stopping after the delete in flight", TimeSpan.FromSeconds(30));
        release.Set();
        await run.Process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

        run.Process.ExitCode.ShouldBe(1, run.Stderr);
        _fleet.Deletes.Count().ShouldBe(1, "the delete in flight finishes; no new one starts");
        _fleet.Gitea.Versions.Count.ShouldBe(GiteaFaultFleet.VersionCount - 1);
        _fleet.AuditLines.Length.ShouldBe(2);
        _fleet.AuditLines[1].ShouldContain("\"result\":\"deleted\"");
        var report = new ReportJson(await File.ReadAllTextAsync(output));
        report.Summary.GetProperty("deleted").GetInt32().ShouldBe(1);
        report.Source("run:signal").GetProperty("status").GetString().ShouldBe("failed");
        report.Decisions.Count(d => d.TryGetProperty("resultDetail", out var why) && why.GetString()!.Contains("told to stop", StringComparison.Ordinal)).ShouldBe(57);
    }

    [Fact]
    public async Task Delete_AuditLogCannotBeWritten_BlockedBeforeAnyDelete()
    {
        _fleet.Folder.Write("not-a-folder", "a file where the audit log's folder should be");

        var result = await CleanerProcess.RunAsync("run", "--config", _fleet.Config(auditLog: "not-a-folder/audit.jsonl"), "--delete", "--report", "json");

        result.ExitCode.ShouldBe(1);
        var report = new ReportJson(result.Stdout);
        report.Summary.GetProperty("blocked").GetBoolean().ShouldBeTrue();
        report.Summary.GetProperty("blockedReason").GetString()!.ShouldContain("audit log");
        _fleet.Deletes.ShouldBeEmpty();
    }

    [Fact]
    public async Task Delete_OutputCannotBeWritten_BlockedAndTheReportGoesToStdout()
    {
        _fleet.Folder.Write("not-a-folder", "a file where the report's folder should be");

        var result = await CleanerProcess.RunAsync("run", "--config", _fleet.Config(), "--delete", "--report", "json", "--output", Path.Combine(_fleet.Folder.Path, "not-a-folder", "report.json"));

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain("the report cannot be written to");
        var report = new ReportJson(result.Stdout);
        report.Summary.GetProperty("blockedReason").GetString()!.ShouldContain("no delete without a report");
        _fleet.Deletes.ShouldBeEmpty();
    }
}
