using System.Globalization;

namespace OciCleanup.Integration.Tests.Reporting;

/// <summary>
/// A Gitea whose generic package versions carry terminal control sequences (a screen clear, an OSC 8
/// link, an OSC 52 clipboard write, a bidi override) and Markdown: the real program's table, explain,
/// text logs and Markdown show them as inert text.
/// </summary>
public sealed class HostileTextTests : IAsyncLifetime
{
    private const string ClearScreen = "1.0\u001b[2J\u001b[HFAKE-ALL-GOOD";
    private const string Links = "1.1\u001b]8;;http:evil\u0007click\u001b]8;;\u0007\u001b]52;c;ZXZpbA==\u0007";
    private const string Bidi = "1.2\u202Eexe.gnp";
    private const string Markdown = "1.3`[x](http:evil)<img src=x>``";

    private readonly GiteaFleet _fleet = new("hostile-token");
    private string _config = "";

    public async Task InitializeAsync()
    {
        await _fleet.StartAsync();
        foreach (var (version, days) in new[] { (ClearScreen, 40), (Links, 30), (Bidi, 20), (Markdown, 10) })
        {
            _fleet.Gitea.Add("oleks", "generic", "tools", version, DateTimeOffset.UtcNow.AddDays(-days));
        }

        _config = _fleet.Config("default: {keepLast: 2, keepWithinDays: 0}", report: null, pins: null, registry: ", types: [generic]");
    }

    public Task DisposeAsync() => _fleet.DisposeAsync().AsTask();

    [Fact]
    public async Task TableAndTextLogs_HostileVersions_ReachTheTerminalEscaped()
    {
        var run = await CleanerProcess.RunAsync("run", "--config", _config, "--dry-run", "--report", "table", "--log-format", "text", "--verbose");

        run.ExitCode.ShouldBe(0, run.Stderr);
        foreach (var output in new[] { run.Stdout, run.Stderr })
        {
            ShouldBeInert(output);
            output.ShouldContain("1.0\\x1b[2J\\x1b[HFAKE-ALL-GOOD");
            output.ShouldContain("1.1\\x1b]8;;http:evil\\x07click");
            output.ShouldContain("\\x1b]52;c;ZXZpbA==\\x07");
            output.ShouldContain("1.2\\u202eexe.gnp");
        }
    }

    [Fact]
    public async Task Explain_HostileVersions_ReachTheTerminalEscaped()
    {
        var explain = await CleanerProcess.RunAsync("explain", "generic/tools==1.*", "--config", _config);

        explain.ExitCode.ShouldBe(0, explain.Stderr);
        ShouldBeInert(explain.Stdout);
        explain.Stdout.ShouldContain("tools==1.0\\x1b[2J\\x1b[HFAKE-ALL-GOOD (");
        explain.Stdout.ShouldContain("tools==1.2\\u202eexe.gnp (");
    }

    [Fact]
    public async Task HistoryAndDiff_HostileVersions_ReachTheTerminalEscaped()
    {
        (await CleanerProcess.RunAsync("run", "--config", _config, "--dry-run", "--report", "json")).ExitCode.ShouldBe(0);
        // A newer version: 1.2 (a bidi override) falls out of keepLast 2 and is newly planned for deletion.
        _fleet.Gitea.Add("oleks", "generic", "tools", "1.9\u001b[31m", DateTimeOffset.UtcNow.AddDays(-5));
        (await CleanerProcess.RunAsync("run", "--config", _config, "--dry-run", "--report", "json")).ExitCode.ShouldBe(0);

        var diff = await CleanerProcess.RunAsync("diff", "--config", _config);
        var history = await CleanerProcess.RunAsync("history", "--config", _config);

        diff.ExitCode.ShouldBe(0, diff.Stderr);
        ShouldBeInert(diff.Stdout);
        diff.Stdout.ShouldContain("newly planned deletes: 1\n  main:oleks/generic/tools==1.2\\u202eexe.gnp: retention");
        history.ExitCode.ShouldBe(0, history.Stderr);
        ShouldBeInert(history.Stdout);
    }

    [Fact]
    public async Task Markdown_HostileVersion_IsACodeSpanItCannotLeave()
    {
        var run = await CleanerProcess.RunAsync("run", "--config", _config, "--dry-run", "--report", "markdown");

        run.ExitCode.ShouldBe(0, run.Stderr);
        run.Stdout.ShouldContain($"| ``` {Markdown} ``` |");
        run.Stdout.Replace($"``` {Markdown} ```", "", StringComparison.Ordinal).ShouldNotContain("<img", customMessage: "the link and the image only ever inside a code span");
        ShouldBeInert(run.Stdout);
    }

    private static void ShouldBeInert(string text) =>
        text.Where(c => c != '\n' && (char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format))
            .Select(c => $"U+{(int)c:X4}").ShouldBeEmpty();
}
