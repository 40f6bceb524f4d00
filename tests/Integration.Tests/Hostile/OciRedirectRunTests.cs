using Microsoft.AspNetCore.Http;
using OciCleanup.Integration.Tests.Oci;

namespace OciCleanup.Integration.Tests.Hostile;

/// <summary>
/// The real distribution registry behind a front that redirects, as registries backed by S3 or a CDN
/// do: a blob read is followed without credentials (and the run works), a target's challenge is never
/// answered with them, and a manifest DELETE answered with a redirect fails instead of reading "deleted".
/// </summary>
public sealed class OciRedirectRunTests : IAsyncLifetime
{
    private const string Password = "oci-redirect-password";
    private readonly OciFleet _fleet = new();
    private readonly HostileRegistryServer _realm = new();
    private HostileRegistryServer _front = null!;
    private HostileRegistryServer _cdn = null!;

    public async Task InitializeAsync()
    {
        await _fleet.StartAsync(pushFleet: false);
        _front = new HostileRegistryServer(_fleet.Registry.Url);
        _cdn = new HostileRegistryServer(_fleet.Registry.Url);
        await _front.StartAsync();
        await _cdn.StartAsync();
        await _realm.StartAsync();
        _realm.Answer = _ => Results.Json(new { token = "token-from-realm" });
        await _fleet.Push.PushImageAsync("team/app", "v1", "app v1", DateTimeOffset.UtcNow.AddDays(-100));
        await _fleet.Push.PushImageAsync("team/app", "v2", "app v2", DateTimeOffset.UtcNow.AddDays(-99));
        _fleet.Folder.Write("lan-registry", $"robot:{Password}\n");
    }

    public async Task DisposeAsync()
    {
        await _front.DisposeAsync();
        await _cdn.DisposeAsync();
        await _realm.DisposeAsync();
        await _fleet.DisposeAsync();
    }

    private Task<CleanerProcess.Result> RunAsync(params string[] args) => CleanerProcess.RunAsync(
        ["run", "--config", _fleet.KeepLastConfig(url: _front.Url, more: ", basicAuthFile: lan-registry"), "--report", "json", .. args]);

    private static bool IsBlob(HttpRequest request) => request.Path.Value!.Contains("/blobs/", StringComparison.Ordinal);

    [Fact]
    public async Task Run_BlobsRedirectedToCdn_FollowedWithoutCredentialsAndRunWorks()
    {
        _front.Answer = request => IsBlob(request) ? HostileRegistryServer.RedirectTo(_cdn.Url, request) : null;

        var result = await RunAsync();

        result.ExitCode.ShouldBe(0, result.Stdout + result.Stderr);
        var report = new ReportJson(result.Stdout);
        report.Source("registry:lan").GetProperty("status").GetString().ShouldBe("ok");
        report.Action("team/app", "v1").ShouldBe("delete"); // its age came from the config blob the CDN served
        _cdn.Requests.ShouldContain(r => r.Path.Contains("/blobs/", StringComparison.Ordinal));
        _cdn.Requests.ShouldAllBe(r => r.Authorization == null);
        _front.Requests.ShouldContain(r => r.Authorization != null && r.Authorization.StartsWith("Basic ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_BlobRedirectTargetChallenges_RealmGetsNothingAndSourceFails()
    {
        _front.Answer = request => IsBlob(request) ? HostileRegistryServer.RedirectTo(_cdn.Url, request) : null;
        _cdn.Answer = _ => HostileRegistryServer.Challenge(new Uri(_realm.Url, "token"));

        var result = await RunAsync();

        result.ExitCode.ShouldBe(1);
        new ReportJson(result.Stdout).Source("registry:lan").GetProperty("status").GetString().ShouldBe("failed");
        _cdn.Requests.ShouldAllBe(r => r.Authorization == null);
        _realm.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Delete_ManifestDeleteRedirectedToHostThatAccepts_FailedInReportAndAudit()
    {
        _front.Answer = request => request.Method == "DELETE" ? HostileRegistryServer.RedirectTo(_cdn.Url, request) : null;
        _cdn.Answer = request => request.Method == "DELETE" ? Results.StatusCode(StatusCodes.Status202Accepted) : null;

        var result = await RunAsync("--delete");

        result.ExitCode.ShouldBe(1);
        var decision = new ReportJson(result.Stdout).Decision("team/app", "v1");
        decision.GetProperty("result").GetString().ShouldBe("failed");
        decision.GetProperty("resultDetail").GetString()!.ShouldContain("redirect");
        _cdn.Requests.ShouldNotContain(r => r.Method == "DELETE");
        var audit = await File.ReadAllLinesAsync(Path.Combine(_fleet.Folder.Path, "audit.jsonl"));
        audit.ShouldContain(l => l.Contains("\"result\":\"failed\"", StringComparison.Ordinal));
        audit.ShouldNotContain(l => l.Contains("\"result\":\"deleted\"", StringComparison.Ordinal));
        (await _fleet.Registry.ManifestStatusAsync("team/app", "v1")).ShouldBe(System.Net.HttpStatusCode.OK);
    }
}
