using OciCleanup.Integration.Tests.Support;
using OciCleanup.TestServers;

namespace OciCleanup.Integration.Tests.History;

/// <summary>
/// SPEC §2/§7a: every run is stored in stateDir (trimmed to historyRuns), and `history`, `report` and
/// `diff` answer "what changed since yesterday — why did staging lose its protection?" on the host.
/// </summary>
public sealed class RunHistoryTests : IAsyncLifetime
{
    private const string Token = "history-token";
    private readonly GiteaTestServer _gitea = new(Token);
    private readonly TempFolder _folder = new();

    public async Task InitializeAsync()
    {
        await _gitea.StartAsync();
        var old = DateTimeOffset.UtcNow.AddDays(-100);
        for (var i = 1; i <= 10; i++)
        {
            _gitea.Push("oleks", "cms-plugins", $"0.1.{i}", StoredManifest.Image($"build {i}"), old.AddDays(i));
        }

        _gitea.Push("oleks", "cms-plugins", "staging", StoredManifest.Image("build 3"), old.AddDays(3));
        _gitea.Push("oleks", "cms-plugins", "production", StoredManifest.Image("build 2"), old.AddDays(2));
        _folder.Write("token", Token);
        _folder.Write("pins.txt", "container/cms-plugins==staging\ncontainer/cms-plugins==production\n");
    }

    public async Task DisposeAsync()
    {
        await _gitea.DisposeAsync();
        _folder.Dispose();
    }

    private string Config => _folder.Write("config.yaml", $"""
        registries:
          - name: main
            kind: gitea
            url: {_gitea.Url}
            tokenFile: token
            owners: [oleks]
        pins:
          files: [pins.txt]
        retention:
          default:
            keepLast: 3
            keepWithinDays: 0
            minAgeHours: 0
        safety:
          maxDeleteFraction: 1
          stateDir: state
        report:
          historyRuns: 2
        """);

    private async Task<ReportJson> RunAsync()
    {
        var result = await CleanerProcess.RunAsync("run", "--config", Config, "--report", "json");
        result.ExitCode.ShouldBe(0, result.Stderr);
        return new ReportJson(result.Stdout);
    }

    [Fact]
    public async Task Diff_PinRemovedBetweenRuns_NamesThePinLineThatStoppedProtectingStaging()
    {
        var first = await RunAsync();
        _folder.Write("pins.txt", "# staging went live: no longer pinned\ncontainer/cms-plugins==production\n");
        var second = await RunAsync();

        var diff = await CleanerProcess.RunAsync("diff", "--config", Config);

        diff.ExitCode.ShouldBe(0, diff.Stderr);
        diff.Stdout.ShouldContain($"from {first.Root.GetProperty("runId").GetString()} ");
        diff.Stdout.ShouldContain($"to {second.Root.GetProperty("runId").GetString()} ");
        diff.Stdout.ShouldContain("lost protection: 1\n");
        diff.Stdout.ShouldContain($"main:oleks/container/cms-plugins==staging: no longer named by {Path.Combine(_folder.Path, "pins.txt")}:1 (pin)");
        // 0.1.3 is staging's manifest: kept with it (same-manifest), planned with it.
        diff.Stdout.ShouldContain("newly planned deletes: 2\n");
        diff.Stdout.ShouldContain("\n  main:oleks/container/cms-plugins==staging: retention");
        diff.Stdout.ShouldContain("\n  main:oleks/container/cms-plugins==0.1.3: retention");
        diff.Stdout.ShouldContain("gained protection: 0\n");
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
