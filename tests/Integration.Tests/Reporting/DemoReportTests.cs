using System.Text.RegularExpressions;

namespace OciCleanup.Integration.Tests.Reporting;

/// <summary>
/// The demo's report in every format, from the real program against the demo fleet: each shows the
/// same decisions as the JSON; the HTML is read in headless Chromium after its script ran.
/// </summary>
public sealed partial class DemoReportTests(DemoFleetServers demo) : IClassFixture<DemoFleetServers>
{
    private async Task<ReportJson> JsonAsync()
    {
        var run = await demo.RunAsync("json");
        run.ExitCode.ShouldBe(0, run.Stderr);
        return new ReportJson(run.Stdout);
    }

    // The demo's report in format, whose rows (read by rowsOf) must say what the JSON report says; its text.
    private async Task<string> AgreesWithJsonAsync(string format, Func<string, IEnumerable<(string, string)>> rowsOf)
    {
        var json = await JsonAsync();
        var run = await demo.RunAsync(format);
        run.ExitCode.ShouldBe(0, run.Stderr);
        ReportDecisions.FromRows(rowsOf(run.Stdout), json).ShouldBe(ReportDecisions.FromJson(json), ignoreOrder: true);
        return run.Stdout;
    }

    [Fact]
    public async Task Table_DemoFleet_ShowsTheSameDecisionsAsJson()
    {
        var table = await AgreesWithJsonAsync("table", ReportDecisions.TableRows);

        // 0.1.20 is production's manifest: its row stands apart from the run, with the same short digest.
        table.ShouldContain("0.1.1 … 0.1.19 — 19 versions");
        // Each reason on a line of its own.
        table.ShouldContain("set by suspended HelmRelease");
        table.ShouldContain("runs when resumed");
    }

    [Fact]
    public async Task Json_DemoFleet_KeepLastKeepsFiveBuildsAndProductionsOtherTag()
    {
        var json = await JsonAsync();

        // SPEC §6: 0.1.40, staging and staging-latest are one build, one slot; 0.1.20 is production's manifest.
        foreach (var (version, rank) in new[] { ("0.1.40", 1), ("0.1.39", 2), ("0.1.36", 5) })
        {
            json.Decision("cms-plugins", version).GetProperty("reasons").EnumerateArray()
                .ShouldContain(r => r.GetProperty("detail").GetString() == $"#{rank} of the newest 5 tagged", version);
        }

        json.Action("cms-plugins", "0.1.20").ShouldBe("keep");
        json.ReasonKinds("cms-plugins", "0.1.20")[0].ShouldBe("same-manifest");
        json.Action("cms-plugins", "0.1.19").ShouldBe("delete");
    }

    [Fact]
    public async Task Table_NotATerminal_HasNoColourAndFitsTheWidth()
    {
        var table = await demo.RunAsync("table");

        table.Stdout.ShouldNotContain("\u001b[");
        table.Stderr.ShouldNotContain("✓", customMessage: "no progress display when standard error is not a terminal");
        table.Stdout.Split('\n').Max(l => l.Length).ShouldBeLessThanOrEqualTo(120);
    }

    [Fact]
    public async Task Markdown_DemoFleet_ShowsTheSameDecisionsAsJson()
    {
        var markdown = await AgreesWithJsonAsync("markdown", ReportDecisions.MarkdownRows);

        markdown.ShouldContain("<details><summary><b>main: oleks/container/cms-plugins</b>");
    }

    [Fact]
    public async Task Html_DemoFleet_RendersTheSameDecisionsAsJsonInChromium()
    {
        var json = await JsonAsync();
        var page = demo.Folder.Write("report.html", "");
        var html = await demo.RunAsync("html", "--output", page);
        html.ExitCode.ShouldBe(0, html.Stderr);

        var dom = await Chromium.DumpDomAsync(page);
        var rows = Rows(dom);

        rows.ToDictionary(r => r.Version, r => r.Action).ShouldBe(ReportDecisions.FromJson(json), ignoreOrder: true);
        rows.ShouldAllBe(r => !r.Hidden);
        dom.ShouldContain("43 of 43 versions shown");
        dom.ShouldNotContain("id=\"blocked\"");
        Regex.IsMatch(dom, "<tr [^>]*data-version=\"staging\"[^>]*>.*?pinned by [^<]*registry-pins.txt:2<br>set by suspended HelmRelease kotkan/cms-plugins-staging in armer").ShouldBeTrue();
        var png = await Chromium.ScreenshotAsync(page, Chromium.Artifact("demo-report.png"));
        new FileInfo(png).Length.ShouldBeGreaterThan(10_000);
    }

    [Fact]
    public async Task Html_FilterInTheLink_HidesEveryOtherRow()
    {
        var page = demo.Folder.Write("filtered.html", "");
        (await demo.RunAsync("html", "--output", page)).ExitCode.ShouldBe(0);

        var rows = Rows(await Chromium.DumpDomAsync(page, "#kind=helmrelease-suspended"));

        rows.Where(r => !r.Hidden).Select(r => r.Version).ShouldBe(["staging", "production"], ignoreOrder: true);
        rows.Count(r => r.Hidden).ShouldBe(41);
    }

    internal sealed record Row(string Version, string Action, bool Hidden);

    internal static List<Row> Rows(string dom) =>
        [.. DecisionRow().Matches(dom).Select(m => new Row(
            Attribute(m.Value, "data-version"),
            Attribute(m.Value, "data-action") is "keep" ? "keep" : "delete",
            Regex.IsMatch(m.Value, @"\shidden(=""[^""]*"")?[\s>]")))];

    private static string Attribute(string tag, string name) => Regex.Match(tag, $"{name}=\"([^\"]*)\"").Groups[1].Value;

    [GeneratedRegex("<tr class=\"decision [^\"]*\"[^>]*>")]
    private static partial Regex DecisionRow();
}
