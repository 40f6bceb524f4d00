namespace OciCleanup.Integration.Tests.History;

/// <summary>
/// SPEC §2/§7a: every run is stored in stateDir (trimmed to historyRuns), and `history`, `report` and
/// `diff` answer "what changed since yesterday — why did staging lose its protection?" on the host.
/// </summary>
public sealed class RunHistoryTests : IAsyncLifetime
{
    private readonly GiteaFleet _fleet = new("history-token");

    public async Task InitializeAsync()
    {
        await _fleet.StartAsync();
        _fleet.PushCmsPlugins(DateTimeOffset.UtcNow.AddDays(-100), builds: 10, staging: 3, production: 2);
    }

    public Task DisposeAsync() => _fleet.DisposeAsync().AsTask();

    private string Config => _fleet.Config(ConfigFile.KeepLast(3), report: "historyRuns: 2");

    private Task<ReportJson> RunAsync() => ConfigFile.RunReportAsync(Config);

    [Fact]
    public async Task Diff_PinRemovedBetweenRuns_NamesThePinLineThatStoppedProtectingStaging()
    {
        var first = await RunAsync();
        _fleet.Folder.Write("pins.txt", "# staging went live: no longer pinned\ncontainer/cms-plugins==production\n");
        var second = await RunAsync();

        var diff = await CleanerProcess.OutputAsync("diff", "--config", Config);

        diff.ShouldContain($"from {first.Root.GetProperty("runId").GetString()} ");
        diff.ShouldContain($"to {second.Root.GetProperty("runId").GetString()} ");
        diff.ShouldContain("lost protection: 1\n");
        diff.ShouldContain($"main:oleks/container/cms-plugins==staging: no longer named by {Path.Combine(_fleet.Folder.Path, "pins.txt")}:1 (pin)");
        // 0.1.3 is staging's manifest: kept with it (same-manifest), planned with it.
        diff.ShouldContain("newly planned deletes: 2\n");
        diff.ShouldContain("\n  main:oleks/container/cms-plugins==staging: retention");
        diff.ShouldContain("\n  main:oleks/container/cms-plugins==0.1.3: retention");
        diff.ShouldContain("gained protection: 0\n");
    }

    [Fact]
    public async Task History_ThreeRunsWithHistoryRunsTwo_KeepsTheLastTwoAndRendersThemInAnyFormat()
    {
        await RunAsync();
        var second = await RunAsync();
        var third = await RunAsync();

        var history = await CleanerProcess.RunAsync("history", "--config", Config);

        history.ExitCode.ShouldBe(0, history.Stderr);
        var lines = history.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(3, history.Stdout);
        lines[1].ShouldStartWith(second.Root.GetProperty("runId").GetString()!);
        lines[2].ShouldStartWith(third.Root.GetProperty("runId").GetString()!);
        lines[2].ShouldContain("dry-run");

        var json = await CleanerProcess.RunAsync("report", "--config", Config, "--report", "json");
        new ReportJson(json.Stdout).Root.GetProperty("runId").GetString().ShouldBe(third.Root.GetProperty("runId").GetString());
        var markdown = await CleanerProcess.RunAsync("report", "-2", "--config", Config, "--report", "markdown");
        markdown.ExitCode.ShouldBe(0, markdown.Stderr);
        markdown.Stdout.ShouldContain("`0.1.1`");
        var missing = await CleanerProcess.RunAsync("report", "-3", "--config", Config);
        missing.ExitCode.ShouldBe(1);
        missing.Stderr.ShouldContain("no stored run '-3'");
    }
}
