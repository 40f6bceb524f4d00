using System.Text.Json.Nodes;

namespace OciCleanup.Integration.Tests.Faults;

/// <summary>
/// SPEC §7: a partial picture is a failed source, never a smaller fleet. Each fault a real network,
/// proxy or registry produces on the package list is injected over HTTP; the delete run must fail
/// the registry's source by name, send no DELETE, and a run after the fault clears must do the job.
/// </summary>
public sealed class GiteaListFaultTests : IAsyncLifetime
{
    private readonly GiteaFaultFleet _fleet = new();

    public Task InitializeAsync() => _fleet.StartAsync();

    public async Task DisposeAsync() => await _fleet.DisposeAsync();

    public static TheoryData<string, string> ListFaults() => new()
    {
        { "body cut short", "page 1: " },
        { "reset mid-body", "page 2: " },
        { "html login with 200", "page 1: the body is not the JSON expected" },
        { "short page without the kept index", "only 62 of the 63 items" },
        { "proxy ignores page", "listed twice" },
        { "link loop", "Link loop" },
        { "lying total", "only 63 of the 70 items" },
        { "no total", "no X-Total-Count" },
        { "server error after retries", "HTTP 502" },
    };

    private void Inject(string fault)
    {
        var fleet = _fleet;
        switch (fault)
        {
            case "body cut short":
                fleet.Proxy.Faults = e => GiteaFaultFleet.IsListPage(e, 1) ? new Fault.CutShort(0.4) : null;
                break;
            case "reset mid-body":
                fleet.Proxy.Faults = e => GiteaFaultFleet.IsListPage(e, 2) ? new Fault.CutShort(0.9) : null;
                break;
            case "html login with 200":
                fleet.Proxy.Faults = e => GiteaFaultFleet.IsListPage(e, 1) ? new Fault.HtmlLogin() : null;
                break;
            case "short page without the kept index":
                fleet.Proxy.Faults = e => GiteaFaultFleet.IsListPage(e, 2) ? new Fault.Replace(GiteaFaultFleet.Without(e.Response, i => i["version"]!.GetValue<string>() == "multi")) : null;
                break;
            case "proxy ignores page":
                fleet.Proxy.RewriteRequest = path => path.Replace("page=2", "page=1", StringComparison.Ordinal);
                break;
            case "link loop":
                fleet.Proxy.Faults = e => GiteaFaultFleet.IsListPage(e, 2) ? new Fault.Replace(e.Response.WithHeader("Link", $"<{fleet.Proxy.Url}api/v1/packages/oleks?type=container&limit=50&page=1>; rel=\"next\"")) : null;
                break;
            case "lying total":
                fleet.Proxy.Faults = e => e.Path == "/api/v1/packages/oleks" ? new Fault.Replace(e.Response.WithHeader("X-Total-Count", "70").WithHeader("Link", null)) : null;
                break;
            case "no total":
                fleet.Proxy.Faults = e => e.Path == "/api/v1/packages/oleks" ? new Fault.Replace(e.Response.WithHeader("X-Total-Count", null)) : null;
                break;
            case "server error after retries":
                fleet.Proxy.Faults = e => GiteaFaultFleet.IsListPage(e, 2) ? new Fault.Status(502) : null;
                break;
        }
    }

    [Theory]
    [MemberData(nameof(ListFaults))]
    public async Task Delete_ListFault_FailsTheRegistrySourceDeletesNothingAndRecovers(string fault, string errorNames)
    {
        Inject(fault);

        var result = await CleanerProcess.RunAsync("run", "--config", _fleet.Config(), "--delete", "--report", "json");

        result.ExitCode.ShouldBe(1, result.Stderr);
        var report = new ReportJson(result.Stdout);
        var source = report.Source("registry:main");
        source.GetProperty("status").GetString().ShouldBe("failed");
        source.GetProperty("error").GetString()!.ShouldContain(errorNames, Case.Sensitive, $"{fault}: {source.GetProperty("error").GetString()}");
        source.GetProperty("error").GetString()!.ShouldContain("list container packages of oleks");
        if (fault.Contains("cut short", StringComparison.Ordinal) || fault.Contains("reset", StringComparison.Ordinal))
        {
            // Before or after the headers were read, the cause is named — never a bare status.
            source.GetProperty("error").GetString()!.ShouldMatch("connection reset|cut short|could not be read");
        }
        report.Summary.GetProperty("blocked").GetBoolean().ShouldBeTrue();
        _fleet.Deletes.ShouldBeEmpty();
        _fleet.Gitea.Versions.Count.ShouldBe(GiteaFaultFleet.VersionCount);
        result.Stderr.ShouldNotContain(GiteaFaultFleet.Token);

        _fleet.Proxy.Faults = null;
        _fleet.Proxy.RewriteRequest = null;
        var again = await CleanerProcess.RunAsync("run", "--config", _fleet.Config(), "--delete", "--report", "json");

        again.ExitCode.ShouldBe(0, again.Stderr);
        new ReportJson(again.Stdout).Summary.GetProperty("deleted").GetInt32().ShouldBe(58);
        _fleet.Gitea.Versions.Select(v => v.Version).ShouldBe(new[] { "v60", "v59", "multi" }.Concat(_fleet.Index.Children), ignoreOrder: true);
    }

    [Fact]
    public async Task Delete_TransientNotFoundOnTheKeptIndex_IsAskedAgainAndItsChildrenStay()
    {
        _fleet.Proxy.Faults = e => e.Method == "HEAD" && e.Path.EndsWith("/manifests/multi", StringComparison.Ordinal) && e.Count <= 2 ? new Fault.Status(404) : null;

        var result = await CleanerProcess.RunAsync("run", "--config", _fleet.Config(), "--delete", "--report", "json");

        result.ExitCode.ShouldBe(0, result.Stderr);
        var report = new ReportJson(result.Stdout);
        report.ReasonKinds("app", _fleet.Index.Children[0])[0].ShouldBe("index-child");
        _fleet.Gitea.Versions.Select(v => v.Version).ShouldBe(new[] { "v60", "v59", "multi" }.Concat(_fleet.Index.Children), ignoreOrder: true);
    }

    [Fact]
    public async Task Delete_ListedVersionThatNeverResolves_FailsTheSourceNamingIt()
    {
        _fleet.Proxy.Faults = e => e.Method == "HEAD" && e.Path.EndsWith("/manifests/multi", StringComparison.Ordinal) ? new Fault.Status(404) : null;

        var result = await CleanerProcess.RunAsync("run", "--config", _fleet.Config(), "--delete", "--report", "json");

        result.ExitCode.ShouldBe(1);
        var error = new ReportJson(result.Stdout).Source("registry:main").GetProperty("error").GetString()!;
        error.ShouldContain("listed version main:oleks/container/app==multi cannot be described");
        _fleet.Deletes.ShouldBeEmpty();
    }

    [Fact]
    public async Task Run_ConnectionRefused_SaysSoInsteadOfAnEmptyStatus()
    {
        var closed = new Uri($"http://127.0.0.1:{FreePort.Next()}/");

        var result = await CleanerProcess.RunAsync("run", "--config", _fleet.Config(closed), "--report", "json");

        result.ExitCode.ShouldBe(1);
        new ReportJson(result.Stdout).Source("registry:main").GetProperty("error").GetString()!.ShouldContain("connection refused");
    }
}
