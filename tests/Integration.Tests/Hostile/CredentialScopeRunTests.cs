using Microsoft.AspNetCore.Http;

namespace OciCleanup.Integration.Tests.Hostile;

/// <summary>
/// Issue 21 item 1: a registry's credentials go to its own scheme://host:port and to a token service it
/// names itself on that authority or in <c>authRealms</c> — never to a redirect target, never to a realm a
/// redirect target names, never to a realm on another host unless configured. Another port is another host.
/// </summary>
public sealed class CredentialScopeRunTests : IAsyncLifetime
{
    private const string Password = "s3cret-registry-password";
    private readonly HostileRegistryServer _registry = new();
    private readonly HostileRegistryServer _elsewhere = new();
    private readonly HostileRegistryServer _realm = new();
    private readonly TempFolder _folder = new();

    public async Task InitializeAsync()
    {
        await _registry.StartAsync();
        await _elsewhere.StartAsync();
        await _realm.StartAsync();
        _realm.Answer = _ => Results.Json(new { token = "token-from-realm" });
        _folder.Write("lan-registry", $"robot:{Password}\n");
    }

    public async Task DisposeAsync()
    {
        await _registry.DisposeAsync();
        await _elsewhere.DisposeAsync();
        await _realm.DisposeAsync();
        _folder.Dispose();
    }

    private Task<CleanerProcess.Result> RunAsync(string? authRealms = null) => CleanerProcess.RunAsync("run", "--config", _folder.Write("config.yaml", $"""
        registries:
          - name: lan
            kind: oci
            url: {_registry.Url}
            basicAuthFile: lan-registry
        {(authRealms is null ? "" : $"    authRealms: {authRealms}")}
        safety:
          stateDir: state
        """), "--report", "json");

    private Uri RealmUrl => new(_realm.Url, "token");

    [Fact]
    public async Task Run_CatalogRedirectedToHostThatChallenges_NeitherGetsCredentials()
    {
        _registry.Answer = request => HostileRegistryServer.RedirectTo(_elsewhere.Url, request);
        _elsewhere.Answer = _ => HostileRegistryServer.Challenge(RealmUrl);

        var result = await RunAsync();

        result.ExitCode.ShouldBe(1);
        new ReportJson(result.Stdout).Source("registry:lan").GetProperty("status").GetString().ShouldBe("failed");
        _registry.Requests.ShouldContain(r => r.Path == "/v2/_catalog" && r.Authorization != null && r.Authorization.StartsWith("Basic ", StringComparison.Ordinal));
        _elsewhere.ShouldHaveBeenAskedWithoutCredentials();
        _realm.Requests.ShouldBeEmpty();
        (result.Stdout + result.Stderr).ShouldNotContain(Password);
    }

    [Fact]
    public async Task Run_RealmOnAnotherPortNotListed_SourceFailsNamingRealmAndAuthRealms()
    {
        _registry.Answer = _ => HostileRegistryServer.Challenge(RealmUrl);

        var result = await RunAsync();

        result.ExitCode.ShouldBe(1);
        var source = new ReportJson(result.Stdout).Source("registry:lan");
        source.GetProperty("status").GetString().ShouldBe("failed");
        var error = source.GetProperty("error").GetString()!;
        error.ShouldContain(RealmUrl.ToString());
        error.ShouldContain($"add '127.0.0.1:{_realm.Url.Port}' to authRealms of registry lan");
        _realm.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Run_RealmOnAnotherPortListedInAuthRealms_TokenFetchedWithCredentialsAndUsed()
    {
        _registry.Answer = request => request.Headers.Authorization == "Bearer token-from-realm"
            ? Results.Json(new { repositories = Array.Empty<string>() })
            : HostileRegistryServer.Challenge(RealmUrl);

        var result = await RunAsync($"[127.0.0.1:{_realm.Url.Port}]");

        result.ExitCode.ShouldBe(0, result.Stdout + result.Stderr);
        new ReportJson(result.Stdout).Source("registry:lan").GetProperty("status").GetString().ShouldBe("ok");
        _realm.Requests.ShouldHaveSingleItem().Authorization!.ShouldStartWith("Basic ");
        _registry.Requests.ShouldContain(r => r.Authorization == "Bearer token-from-realm");
    }

    [Fact]
    public async Task Run_HttpsRegistryNamesHttpRealm_CredentialsNeverSentInCleartext()
    {
        using var certificate = LoopbackCertificate.Create();
        await using var https = new HostileRegistryServer(certificate: certificate);
        await https.StartAsync();
        https.Answer = _ => HostileRegistryServer.Challenge(RealmUrl);
        var trust = LoopbackCertificate.WriteTrustFile(certificate, _folder);
        var config = _folder.Write("https.yaml", $"""
            registries:
              - name: lan
                kind: oci
                url: {https.Url}
                basicAuthFile: lan-registry
            safety:
              stateDir: state
            """);

        var result = await CleanerProcess.RunAsync(new Dictionary<string, string> { ["SSL_CERT_FILE"] = trust }, "run", "--config", config, "--report", "json");

        result.ExitCode.ShouldBe(1);
        https.Url.Scheme.ShouldBe("https");
        https.Requests.ShouldContain(r => r.Path == "/v2/_catalog" && r.Authorization != null && r.Authorization.StartsWith("Basic ", StringComparison.Ordinal));
        new ReportJson(result.Stdout).Source("registry:lan").GetProperty("error").GetString()!.ShouldContain($"{RealmUrl} is http under an https registry");
        _realm.Requests.ShouldBeEmpty();
    }
}
