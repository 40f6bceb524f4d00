namespace OciCleanup.Demo;

/// <summary>
/// The demo's configuration: the Gitea test server as registry <c>main</c>, the Kubernetes test server
/// as cluster <c>armer</c>, and a pins file that pins the floating tags. The integration tests use it
/// too, so what they check is the demo's report.
/// </summary>
internal static class DemoConfig
{
    /// <summary>Writes the token, kubeconfig, pins file and config.yaml into <paramref name="folder"/>; returns the config's path.</summary>
    public static string Write(string folder, string giteaToken, Uri giteaUrl, string kubeconfig, string extraSafety = "")
    {
        File.WriteAllText(Path.Combine(folder, "gitea-token"), giteaToken);
        File.WriteAllText(Path.Combine(folder, "kubeconfig"), kubeconfig);
        File.WriteAllText(Path.Combine(folder, "registry-pins.txt"), """
            # Floating channel tags Flux ImagePolicies track (seed 003): never reap them.
            container/cms-plugins==staging
            container/cms-plugins==production
            """);
        var config = Path.Combine(folder, "config.yaml");
        File.WriteAllText(config, $"""
            mode: dry-run
            registries:
              - name: main
                kind: gitea
                url: {giteaUrl}
                tokenFile: gitea-token
                owners: [{DemoFleet.Owner}]
                hostAliases: [git.oleks.space]
            pins:
              files: [registry-pins.txt]
            clusters:
              - name: armer
                kubeconfig: kubeconfig
            retention:
              default:
                keepLast: 10
                keepWithinDays: 14
              packages:
                - match: container/cms-plugins
                  keepLast: 5
            safety:
              # The default limits: a never-cleaned registry's first cleanup is a reviewed plan (README "First run").
              stateDir: state{extraSafety}
            report:
              auditLog: audit.jsonl
            """);
        return config;
    }
}
