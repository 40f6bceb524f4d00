namespace OciCleanup.Demo;

/// <summary>
/// The ghcr demo's configuration: the fake GitHub as registry <c>ghcr</c> (kind github; workloads name
/// it <c>ghcr.io</c>), the Kubernetes test server as cluster <c>k8s</c>, the default safety limits.
/// </summary>
internal static class GhcrConfig
{
    /// <summary>Writes the token, kubeconfig and config.yaml into <paramref name="folder"/>; returns the config's path.</summary>
    public static string Write(string folder, string token, Uri apiUrl, Uri registryUrl, string kubeconfig)
    {
        File.WriteAllText(Path.Combine(folder, "github-token"), token);
        File.WriteAllText(Path.Combine(folder, "kubeconfig"), kubeconfig);
        var config = Path.Combine(folder, "config.yaml");
        File.WriteAllText(config, $"""
            mode: dry-run
            registries:
              - name: ghcr
                kind: github
                url: {apiUrl.ToString().TrimEnd('/')}
                registryUrl: {registryUrl.ToString().TrimEnd('/')}
                tokenFile: github-token
                owners: [{GhcrFleet.Owner}]
                hostAliases: [ghcr.io]
            clusters:
              - name: k8s
                kubeconfig: kubeconfig
            retention:
              default:
                keepLast: 10
                keepWithinDays: 7
                untaggedAfterDays: 2
            safety:
              # The default limits: a registry the old pruner left behind is first cleaned through a reviewed plan.
              stateDir: state
            report:
              auditLog: audit.jsonl
            """);
        return config;
    }
}
