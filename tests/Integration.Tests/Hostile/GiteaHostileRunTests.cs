using Microsoft.AspNetCore.Http;

namespace OciCleanup.Integration.Tests.Hostile;

/// <summary>
/// Issue 21 items 1, 6 and 7 against the Gitea test server behind a hostile front: the Gitea token never
/// reaches another host, a version that is not one path segment is never requested, and a DELETE
/// answered with a redirect is a failure, never "deleted".
/// </summary>
public sealed class GiteaHostileRunTests : IAsyncLifetime
{
    private const string Token = "gitea-hostile-token";
    private readonly GiteaFleet _fleet = new(Token);
    private readonly HostileRegistryServer _elsewhere = new();
    private readonly HostileRegistryServer _realm = new();
    private readonly DateTimeOffset _old = DateTimeOffset.UtcNow.AddDays(-100);
    private HostileRegistryServer _front = null!;

    public async Task InitializeAsync()
    {
        await _fleet.StartAsync();
        _front = new HostileRegistryServer(_fleet.Gitea.Url);
        await _front.StartAsync();
        await _elsewhere.StartAsync();
        await _realm.StartAsync();
        _realm.Answer = _ => Results.Json(new { token = "token-from-realm" });
    }

    public async Task DisposeAsync()
    {
        await _front.DisposeAsync();
        await _fleet.DisposeAsync();
        await _elsewhere.DisposeAsync();
        await _realm.DisposeAsync();
    }

    private Task<CleanerProcess.Result> RunAsync(string type, params string[] args) =>
        CleanerProcess.RunAsync(["run", "--config", _fleet.Config(ConfigFile.KeepLast(1), pins: null, registry: $", types: [{type}]", url: _front.Url), "--report", "json", .. args]);

    [Fact]
    public async Task Run_ManifestHeadRedirectedToHostThatChallenges_TokenReachesNeither()
    {
        _fleet.Gitea.Push("oleks", "app", "v1", StoredManifest.Image("v1"), _old);
        _front.Answer = request => request.Path.Value!.Contains("/manifests/", StringComparison.Ordinal) ? HostileRegistryServer.RedirectTo(_elsewhere.Url, request) : null;
        _elsewhere.Answer = _ => HostileRegistryServer.Challenge(new Uri(_realm.Url, "token"));

        var result = await RunAsync("container");

        result.ExitCode.ShouldBe(1);
        new ReportJson(result.Stdout).Source("registry:main").GetProperty("status").GetString().ShouldBe("failed");
        _elsewhere.ShouldHaveBeenAskedWithoutCredentials();
        _realm.Requests.ShouldBeEmpty();
        (result.Stdout + result.Stderr).ShouldNotContain(Token);
    }

    [Fact]
    public async Task Run_PackagesApiListRedirectedToAnotherHost_TokenNotSentThere()
    {
        _fleet.Gitea.Add("oleks", "generic", "tools", "1.0", _old);
        _front.Answer = request => request.Path.Value == "/api/v1/packages/oleks" ? HostileRegistryServer.RedirectTo(_elsewhere.Url, request) : null;

        var result = await RunAsync("generic");

        result.ExitCode.ShouldBe(1);
        new ReportJson(result.Stdout).Source("registry:main").GetProperty("status").GetString().ShouldBe("failed");
        _front.Requests.ShouldContain(r => r.Authorization == "token " + Token);
        _elsewhere.ShouldHaveBeenAskedWithoutCredentials();
    }

    [Fact]
    public async Task Delete_GenericVersionsDotAndDotDot_NeverRequestedNeverDeleted()
    {
        foreach (var (version, hours) in new[] { (".", 1), ("..", 2), ("1.0", 3), ("2.0", 4) })
        {
            _fleet.Gitea.Add("oleks", "generic", "tools", version, _old.AddHours(hours));
        }

        var result = await RunAsync("generic", "--delete");

        result.ExitCode.ShouldBe(1);
        var report = new ReportJson(result.Stdout);
        report.Decision("tools", "1.0").GetProperty("result").GetString().ShouldBe("deleted");
        foreach (var version in new[] { ".", ".." })
        {
            var decision = report.Decision("tools", version);
            decision.GetProperty("result").GetString().ShouldBe("failed", version);
            decision.GetProperty("resultDetail").GetString()!.ShouldContain("not a single URL path segment");
        }

        // Only 1.0 was addressed: no request for the package itself, its parent, or anything else.
        _fleet.Gitea.Requests.Where(r => r.Path.StartsWith("/api/v1/packages/oleks/", StringComparison.Ordinal))
            .Select(r => $"{r.Method} {r.Path}").Distinct()
            .ShouldBe(["GET /api/v1/packages/oleks/generic/tools/1.0", "DELETE /api/v1/packages/oleks/generic/tools/1.0"], ignoreOrder: true);
        _fleet.Gitea.Versions.Select(v => v.Version).ShouldBe([".", "..", "2.0"], ignoreOrder: true);
        var audit = await File.ReadAllLinesAsync(_fleet.AuditPath);
        audit.Where(l => l.Contains("\"result\":\"deleted\"", StringComparison.Ordinal)).ShouldHaveSingleItem().ShouldContain("\"version\":\"1.0\"");
    }

    [Fact]
    public async Task Delete_DeleteRedirectedToHostThatSaysNoContent_FailedInReportAndAudit()
    {
        _fleet.Gitea.Add("oleks", "generic", "tools", "1.0", _old.AddHours(1));
        _fleet.Gitea.Add("oleks", "generic", "tools", "2.0", _old.AddHours(2));
        _front.Answer = request => request.Method == "DELETE" ? HostileRegistryServer.RedirectTo(_elsewhere.Url, request) : null;
        _elsewhere.Answer = _ => Results.NoContent();

        var result = await RunAsync("generic", "--delete");

        result.ExitCode.ShouldBe(1);
        var decision = new ReportJson(result.Stdout).Decision("tools", "1.0");
        decision.GetProperty("result").GetString().ShouldBe("failed");
        decision.GetProperty("resultDetail").GetString()!.ShouldContain("redirect");
        _fleet.Gitea.Versions.ShouldContain(v => v.Version == "1.0");
        _elsewhere.Requests.ShouldBeEmpty();
        var audit = await File.ReadAllLinesAsync(_fleet.AuditPath);
        audit.ShouldContain(l => l.Contains("\"result\":\"failed\"", StringComparison.Ordinal));
        audit.ShouldNotContain(l => l.Contains("\"result\":\"deleted\"", StringComparison.Ordinal));
    }
}
