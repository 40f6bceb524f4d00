namespace OciCleanup.Integration.Tests.Rollback;

/// <summary>
/// A Gitea registry with builds of <c>oleks/api</c> and <c>oleks/shop</c> pushed as they are deployed, all old enough for
/// retention (keepLast 0) to delete, and a cluster that keeps no history of its own: a Deployment with
/// <c>revisionHistoryLimit: 0</c> and no ReplicaSets, a Helm release with <c>maxHistory: 1</c> (one release
/// Secret). Each <see cref="DeployApi"/>/<see cref="DeployShop"/> is a <c>kubectl set image</c> or a Helm upgrade.
/// </summary>
internal sealed class RollbackFleet : IAsyncDisposable
{
    public const string GiteaToken = "gitea-token-rollback-tests";
    public const string KubeToken = "kube-token-rollback-tests";

    public GiteaTestServer Gitea { get; } = new(GiteaToken);

    public KubernetesTestServer Cluster { get; } = new(KubeToken);

    public TempFolder Folder { get; } = new();

    public string StateFile => Path.Combine(Folder.Path, "state", "rollback.json");

    private static DateTimeOffset Old { get; } = DateTimeOffset.UtcNow.AddDays(-100);

    /// <summary>CI pushes a build (dated long ago, so only a protection keeps it); the next deploy runs it.</summary>
    public void Build(string package, string tag)
    {
        if (!Has(package, tag))
        {
            Gitea.Push("oleks", package, tag, StoredManifest.Image($"{package} {tag}"), Old);
        }
    }

    public async Task StartAsync()
    {
        await Gitea.StartAsync();
        await Cluster.StartAsync();
        Gitea.Push("oleks", "sidecar", "1.0", StoredManifest.Image("sidecar 1.0"), Old);
        Folder.Write("gitea-token", GiteaToken);
        Folder.Write("kubeconfig", Cluster.Kubeconfig("armer"));
    }

    /// <summary><c>kubectl set image deployment/api api=…:TAG</c> with no ReplicaSet history left.</summary>
    public void DeployApi(string tag)
    {
        Build("api", tag);
        Cluster.Apply($"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          namespace: kotkan
        spec:
          revisionHistoryLimit: 0
          template:
            spec:
              containers:
                - name: api
                  image: git.oleks.space/oleks/api:{tag}
                - name: sidecar
                  image: git.oleks.space/oleks/sidecar:1.0
        """);
    }

    /// <summary>A Helm upgrade to revision <paramref name="revision"/> with <c>maxHistory: 1</c>: only the new release Secret is left.</summary>
    public void DeployShop(int revision, string tag)
    {
        Build("shop", tag);
        Cluster.Clear();
        Cluster.Apply($$"""
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: shop
              namespace: shop
            spec:
              interval: 10m
              maxHistory: 1
              chart:
                spec:
                  chart: shop
                  sourceRef:
                    kind: HelmRepository
                    name: charts
            status:
              history:
                - name: shop
                  namespace: shop
                  version: {{revision}}
            """);
        Cluster.Apply(HelmReleaseSecrets.Yaml("shop", "shop", revision, "deployed", KubeObjects.Deployment("shop", $"git.oleks.space/oleks/shop:{tag}")));
    }

    /// <summary><c>kubectl rollout restart</c>: one more old ReplicaSet, at 0 replicas, running the same image as the current one.</summary>
    public void RestartApi(string hash, string tag) => Cluster.Apply($"""
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: api-{hash}
          namespace: kotkan
        spec:
          replicas: 0
          template:
            spec:
              containers:
                - name: api
                  image: git.oleks.space/oleks/api:{tag}
        """);

    public bool Has(string package, string tag) => Gitea.Versions.Any(v => v.Name == package && v.Version == tag);

    public int Deletes => Gitea.Requests.Count(r => r.Method == "DELETE");

    public string Config(string references = "") => Folder.Write("config.yaml", $"""
        registries:
          - name: main
            kind: gitea
            url: {Gitea.Url}
            tokenFile: gitea-token
            owners: [oleks]
            hostAliases: [git.oleks.space]
        clusters:
          - name: armer
            kubeconfig: kubeconfig
            context: armer
        {references}
        retention:
          default:
            keepLast: 0
            keepWithinDays: 0
            keepTags: []
            minAgeHours: 0
        safety:
          maxDeleteFraction: 1
          stateDir: state
        """);

    public async Task<(CleanerProcess.Result Result, ReportJson Report)> NightAsync(string references = "", string mode = "--delete")
    {
        var result = await CleanerProcess.RunAsync(["run", "--config", Config(references), mode, "--report", "json"]);
        return (result, new ReportJson(result.Stdout));
    }

    public async ValueTask DisposeAsync()
    {
        await Gitea.DisposeAsync();
        await Cluster.DisposeAsync();
        Folder.Dispose();
    }
}
