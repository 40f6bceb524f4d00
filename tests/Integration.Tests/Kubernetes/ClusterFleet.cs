namespace OciCleanup.Integration.Tests.Kubernetes;

/// <summary>
/// A Gitea registry whose versions are all old enough for retention to delete, and a cluster that
/// references some of them in every way SPEC §5a lists. Whatever survives was protected.
/// </summary>
internal sealed class ClusterFleet : IAsyncDisposable
{
    public const string GiteaToken = "gitea-token-cluster-tests";
    public const string KubeToken = "kube-token-cluster-tests";

    public static readonly string[] AppTags =
    [
        "pod-spec", "pulled", "init", "image-volume", "deploy-zero", "sts", "ds", "job", "cron-suspended", "rs-old", "rev-old",
        "hr-active", "hr-valuesfrom", "hr-target", "hr-postrenderer", "hr-appversion", "hr-secret", "hr-secret-old",
        "moved-on", "unreferenced-1", "unreferenced-2",
    ];

    private readonly GiteaFleet _gitea = new(GiteaToken, KubeToken);
    private readonly List<KubernetesTestServer> _added = [];
    private string _addedClusters = "";

    public GiteaTestServer Gitea => _gitea.Gitea;

    public KubernetesTestServer Cluster => _gitea.Cluster;

    public TempFolder Folder => _gitea.Folder;

    public DateTimeOffset Now { get; } = DateTimeOffset.UtcNow;

    public async Task StartAsync(bool withWorkloads = true, bool withFlux = true)
    {
        await _gitea.StartAsync();
        var old = Now.AddDays(-100);
        foreach (var tag in AppTags)
        {
            Gitea.Push("oleks", "app", tag, StoredManifest.Image("app " + tag), old);
        }

        for (var build = 38; build <= 40; build++)
        {
            var manifest = StoredManifest.Image($"cms build {build}");
            Gitea.Push("oleks", "cms-plugins", $"0.1.{build}", manifest, old.AddHours(build));
            Gitea.Push("oleks", "cms-plugins", "staging", manifest, old.AddHours(build));
            Gitea.Push("oleks", "cms-plugins", "staging-latest", manifest, old.AddHours(build));
            if (build == 38)
            {
                Gitea.Push("oleks", "cms-plugins", "production", manifest, old.AddHours(build));
            }
        }

        foreach (var version in new[] { "6.5.0_build1", "6.4.0", "6.3.0" })
        {
            Gitea.Push("oleks", "charts/podinfo", version, StoredManifest.Image("chart " + version), old);
        }

        foreach (var version in new[] { "1.2.3", "1.2.2" })
        {
            Gitea.Push("oleks", "manifests", version, StoredManifest.Image("manifests " + version), old);
        }

        if (withWorkloads)
        {
            Cluster.Apply(Workloads);
        }

        if (withFlux)
        {
            Cluster.Apply(Seed003Flux);
            Cluster.Apply(Manifest("helm.yaml").Replace("${MANIFESTS_DIGEST}", StoredManifest.Image("manifests 1.2.3").Digest, StringComparison.Ordinal));
            Cluster.Apply(HelmReleaseSecrets.Yaml("shop", "shop", 3, "deployed", DeploymentYaml("hr-secret")));
            Cluster.Apply(HelmReleaseSecrets.Yaml("shop", "shop", 2, "superseded", DeploymentYaml("hr-secret-old")));
        }
    }

    /// <summary>Another cluster <paramref name="name"/>, started with <paramref name="objects"/>, that <see cref="Config"/> lists from now on.</summary>
    public async Task<KubernetesTestServer> AddClusterAsync(string name, string objects)
    {
        var cluster = new KubernetesTestServer($"{name}-token");
        _added.Add(cluster);
        await cluster.StartAsync();
        cluster.Apply(objects);
        Folder.Write($"kubeconfig-{name}", cluster.Kubeconfig(name));
        _addedClusters += $"  - name: {name}\n    kubeconfig: kubeconfig-{name}\n";
        return cluster;
    }

    public string Config(string extraClusters = "", string references = "") => _gitea.Config(
        "default: {keepLast: 0, keepWithinDays: 0, keepTags: [], minAgeHours: 0}",
        report: null,
        pins: null,
        registry: ", hostAliases: [git.oleks.space]",
        extra: $"clusters:\n  - {{name: armer, kubeconfig: kubeconfig, context: armer}}\n{_addedClusters}{extraClusters}\n{references}");

    public static string Manifest(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Manifests", name));

    /// <summary>Seed 003's Flux objects, staging at the digest of cms build 40.</summary>
    public static string Seed003Flux => Manifest("seed-003-flux.yaml").Replace("${STAGING_DIGEST}", StoredManifest.Image("cms build 40").Digest, StringComparison.Ordinal);

    /// <summary>The workloads of Manifests/workloads.yaml, the pulled one at the digest of app:pulled.</summary>
    public static string Workloads => Manifest("workloads.yaml").Replace("${PULLED_DIGEST}", StoredManifest.Image("app pulled").Digest, StringComparison.Ordinal);

    private static string DeploymentYaml(string tag) => KubeObjects.Deployment("shop", $"git.oleks.space/oleks/app:{tag}");

    public async ValueTask DisposeAsync()
    {
        await _gitea.DisposeAsync();
        foreach (var cluster in _added)
        {
            await cluster.DisposeAsync();
        }
    }
}
