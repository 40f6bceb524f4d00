namespace OciCleanup.Integration.Tests.Reporting;

/// <summary>
/// The demo with its cluster answering 403 on HelmReleases (a fault at the HTTP level): the run is
/// blocked, and every report says so before anything else, with the planned deletes marked blocked.
/// </summary>
public sealed class BlockedReportTests : IAsyncLifetime
{
    private readonly DemoFleetServers _demo = new();

    public async Task InitializeAsync()
    {
        await _demo.InitializeAsync();
        _demo.Cluster.Fail("/apis/helm.toolkit.fluxcd.io", 403);
    }

    public Task DisposeAsync() => _demo.DisposeAsync();

    [Fact]
    public async Task Html_ClusterFails_BannerAndEveryDeleteMarkedBlockedInChromium()
    {
        var page = _demo.Folder.Write("blocked.html", "");
        var run = await _demo.RunAsync("html", "--output", page);
        run.ExitCode.ShouldBe(1, run.Stderr);

        var dom = await Chromium.DumpDomAsync(page);

        dom.ShouldContain("<strong>BLOCKED — nothing is deleted</strong>");
        dom.ShouldContain("cluster:armer");
        var rows = DemoReportTests.Rows(dom);
        rows.Count.ShouldBe(43);
        dom.ShouldNotContain(">would delete<");
        System.Text.RegularExpressions.Regex.Count(dom, "<td class=\"action\">would delete — blocked</td>").ShouldBe(rows.Count(r => r.Action == "delete"));
        rows.Count(r => r.Action == "delete").ShouldBeGreaterThan(0);
        var png = await Chromium.ScreenshotAsync(page, Chromium.Artifact("blocked-report.png"));
        new FileInfo(png).Length.ShouldBeGreaterThan(10_000);
    }

    [Fact]
    public async Task TableAndMarkdown_ClusterFails_SayBlockedFirst()
    {
        var table = await _demo.RunAsync("table");
        var markdown = await _demo.RunAsync("markdown");

        table.Stdout.Split('\n').Take(6).ShouldContain(l => l.Contains("BLOCKED — nothing is deleted", StringComparison.Ordinal));
        table.Stdout.ShouldContain("would delete — blocked");
        markdown.Stdout.Split('\n').Take(5).ShouldContain(l => l.Contains("**BLOCKED — nothing is deleted:**", StringComparison.Ordinal));
    }
}
