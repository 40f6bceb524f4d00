namespace OciCleanup.Integration.Tests.Support;

/// <summary>
/// The Gitea test server most integration tests start: owner oleks, its token in the file <c>token</c>
/// of a scratch folder, and the config (see <see cref="ConfigFile"/>) with only what a test changes.
/// Given a Kubernetes token, also a cluster beside it: <c>armer</c>, its kubeconfig in the file <c>kubeconfig</c>.
/// </summary>
internal sealed class GiteaFleet(string token, string? kubeToken = null) : IAsyncDisposable
{
    private readonly KubernetesTestServer? _cluster = kubeToken is null ? null : new(kubeToken);

    public GiteaTestServer Gitea { get; } = new(token);

    public KubernetesTestServer Cluster => _cluster ?? throw new InvalidOperationException("this fleet has no cluster: give it a Kubernetes token");

    public TempFolder Folder { get; } = new();

    public string AuditPath => Path.Combine(Folder.Path, "audit.jsonl");

    /// <summary>Starts the server (and the cluster) and writes the token file (and kubeconfig) and, when given, <c>pins.txt</c>.</summary>
    public async Task StartAsync(string? pins = null)
    {
        await Gitea.StartAsync();
        Folder.Write("token", token);
        if (_cluster is not null)
        {
            await _cluster.StartAsync();
            Folder.Write("kubeconfig", _cluster.Kubeconfig("armer"));
        }

        if (pins is not null)
        {
            Folder.Write("pins.txt", pins);
        }
    }

    /// <summary>The registry <c>main</c> (kind gitea, owner oleks unless <c>owners</c> is in <paramref name="more"/>) as a flow mapping; <paramref name="more"/> adds keys (<c>, types: [npm]</c>).</summary>
    public static string Registry(Uri url, string more = "") =>
        $"name: main, kind: gitea, url: '{url}', tokenFile: token{(more.Contains("owners:", StringComparison.Ordinal) ? "" : ", owners: [oleks]")}{more}";

    /// <summary>Writes config.yaml for this server (or <paramref name="url"/>, a proxy in front of it); the rest as <see cref="ConfigFile.Write"/>.</summary>
    public string Config(
        string retention,
        string? report = ConfigFile.AuditLog,
        string? pins = "pins.txt",
        string safety = ConfigFile.Safety,
        string registry = "",
        string extra = "",
        Uri? url = null) => ConfigFile.Write(Folder, Registry(url ?? Gitea.Url, registry), retention, report, pins, safety, extra);

    /// <summary>
    /// Builds 0.1.1…0.1.<paramref name="builds"/> of oleks/cms-plugins, a day apart after <paramref name="old"/>; staging and
    /// production are the manifests of the builds numbered, pushed on their days; both are pinned in pins.txt.
    /// </summary>
    public void PushCmsPlugins(DateTimeOffset old, int builds, int staging, int production)
    {
        for (var i = 1; i <= builds; i++)
        {
            Gitea.Push("oleks", "cms-plugins", $"0.1.{i}", StoredManifest.Image($"build {i}"), old.AddDays(i));
        }

        Gitea.Push("oleks", "cms-plugins", "staging", StoredManifest.Image($"build {staging}"), old.AddDays(staging));
        Gitea.Push("oleks", "cms-plugins", "production", StoredManifest.Image($"build {production}"), old.AddDays(production));
        Folder.Write("pins.txt", "container/cms-plugins==staging\ncontainer/cms-plugins==production\n");
    }

    public async ValueTask DisposeAsync()
    {
        await Gitea.DisposeAsync();
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        Folder.Dispose();
    }
}
