namespace OciCleanup.Integration.Tests.Commands;

/// <summary>
/// A server that cannot be reached is named with its host and port (issue 18 item 7), for a Gitea and an
/// OCI registry and a cluster, in what <c>config check</c> prints and in a run's report; never a credential.
/// </summary>
public sealed class UnreachableMessageTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly int _gitea = FreePort.Next();
    private readonly int _oci = FreePort.Next();
    private readonly int _cluster = FreePort.Next();

    public void Dispose() => _folder.Dispose();

    private string Config()
    {
        _folder.Write("token", "unreachable-secret-token");
        _folder.Write("oci-auth", "ci:unreachable-password");
        _folder.Write("kubeconfig", $"""
            apiVersion: v1
            kind: Config
            clusters:
              - name: gone
                cluster:
                  server: http://127.0.0.1:{_cluster}
            contexts:
              - name: gone
                context:
                  cluster: gone
                  user: u
            current-context: gone
            users:
              - name: u
                user:
                  token: unreachable-kube-token
            """);
        return _folder.Write("config.yaml", $"""
            registries:
              - name: main
                kind: gitea
                url: http://127.0.0.1:{_gitea}/
                tokenFile: token
                owners: [oleks]
              - name: lan
                kind: oci
                url: http://127.0.0.1:{_oci}/
                basicAuthFile: oci-auth
            clusters:
              - name: gone
                kubeconfig: kubeconfig
            safety:
              stateDir: state
            """);
    }

    [Fact]
    public async Task ConfigCheck_NothingListening_EachFailureNamesHostAndPort()
    {
        var result = await CleanerProcess.RunAsync("config", "check", "--config", Config(), "--log-format", "text");

        result.ExitCode.ShouldBe(1);
        result.Stdout.ShouldContain($"registry:main: FAILED registry main: list container packages of oleks, page 1: connection refused by 127.0.0.1:{_gitea}\n");
        result.Stdout.ShouldContain($"registry:lan: FAILED registry lan: GET v2/_catalog?n=1000: connection refused by 127.0.0.1:{_oci}\n");
        result.Stdout.ShouldContain($"cluster:gone: FAILED connection refused by 127.0.0.1:{_cluster}\n");
        (result.Stdout + result.Stderr).ShouldNotContain("unreachable-");
    }

    [Fact]
    public async Task Run_NothingListening_ReportSourcesNameHostAndPort()
    {
        var result = await CleanerProcess.RunAsync("run", "--config", Config(), "--report", "json");

        result.ExitCode.ShouldBe(1);
        var report = new ReportJson(result.Stdout);
        report.Source("registry:main").GetProperty("error").GetString().ShouldBe($"registry main: list container packages of oleks, page 1: connection refused by 127.0.0.1:{_gitea}");
        report.Source("registry:lan").GetProperty("error").GetString().ShouldBe($"registry lan: GET v2/_catalog?n=1000: connection refused by 127.0.0.1:{_oci}");
        report.Source("cluster:gone").GetProperty("error").GetString().ShouldBe($"connection refused by 127.0.0.1:{_cluster}");
        (result.Stdout + result.Stderr).ShouldNotContain("unreachable-");
    }
}
