namespace OciCleanup.Integration.Tests.Oci;

public sealed class OciAuthTests
{
    [Theory]
    [InlineData("robot:s3cret", "ok")]
    [InlineData("robot:wrong", "failed")]
    public async Task Run_TokenAuthRegistry_SwapsBasicCredentialsForBearerToken(string credentials, string status)
    {
        await using var server = new TokenAuthRegistryServer("robot", "s3cret");
        await server.StartAsync();
        using var folder = new TempFolder();
        folder.Write("lan-registry", credentials + "\n");
        var config = folder.Write("config.yaml", $"""
            registries:
              - name: lan
                kind: oci
                url: {server.Url}
                basicAuthFile: lan-registry
            safety:
              stateDir: state
            """);

        var result = await CleanerProcess.RunAsync("run", "--config", config, "--report", "json");

        new ReportJson(result.Stdout).Source("registry:lan").GetProperty("status").GetString().ShouldBe(status);
        result.ExitCode.ShouldBe(status == "ok" ? 0 : 1);
        (result.Stdout + result.Stderr).ShouldNotContain(credentials.Split(':')[1]);
        server.Requests.ShouldContain(r => r.Path == "/token");
    }
}
