using OciCleanup.Cleaner;
using OciCleanup.Demo;
using OciCleanup.TestServers;

// Starts a Gitea API test server and a Kubernetes API test server on loopback with the seed-003
// fleet, writes a config, a kubeconfig and a pins file that pins the floating tags, and runs
// `oci-cleanup run --dry-run` (or `explain REF`) against them.
const string Token = "demo-token-not-a-secret";
await using var gitea = new GiteaTestServer(Token);
await gitea.StartAsync();
DemoFleet.Populate(gitea, DateTimeOffset.UtcNow);
await using var cluster = new KubernetesTestServer("demo-kube-token");
await cluster.StartAsync();
DemoFleet.Populate(cluster);

var folder = Directory.CreateTempSubdirectory("oci-cleanup-demo-").FullName;
await File.WriteAllTextAsync(Path.Combine(folder, "gitea-token"), Token);
await File.WriteAllTextAsync(Path.Combine(folder, "kubeconfig"), cluster.Kubeconfig("armer"));
await File.WriteAllTextAsync(Path.Combine(folder, "registry-pins.txt"), """
    # Floating channel tags Flux ImagePolicies track (seed 003): never reap them.
    container/cms-plugins==staging
    container/cms-plugins==production
    """);
await File.WriteAllTextAsync(Path.Combine(folder, "config.yaml"), $"""
    mode: dry-run
    registries:
      - name: main
        kind: gitea
        url: {gitea.Url}
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
      # The demo package has 40 audit tags and keeps 5: allow deleting most of it.
      maxDeleteFraction: 0.95
      stateDir: state
    """);

// `dotnet run --project demo -- explain REF` explains one version of the demo fleet; anything else is passed to `run`.
var configPath = Path.Combine(folder, "config.yaml");
List<string> runArgs = args is ["explain", .. var rest]
    ? ["explain", "--config", configPath, .. rest]
    : ["run", "--config", configPath, "--dry-run", .. (args.Length > 0 ? args : ["--report", "table"])];
await Console.Error.WriteLineAsync($"demo: Gitea test server at {gitea.Url}, Kubernetes test server at {cluster.Url}, config in {folder}");
var exitCode = await Cli.InvokeAsync([.. runArgs]);
var deletes = gitea.Requests.Count(r => r.Method is "DELETE" or "PUT" or "POST");
await Console.Error.WriteLineAsync($"demo: {gitea.Requests.Count} requests to the registry, {deletes} of them DELETE/PUT/POST");
return exitCode;
