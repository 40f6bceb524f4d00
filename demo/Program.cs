using OciCleanup.Cleaner;
using OciCleanup.Demo;
using OciCleanup.TestServers;

// Starts a Gitea API test server and a Kubernetes API test server on loopback with the seed-003
// fleet, writes a config (the default safety limits, nothing edited), a kubeconfig and a pins file
// that pins the floating tags, and runs `oci-cleanup run --dry-run` against them. With `first-run`
// it walks a never-cleaned registry to its first deletes: dry-run (blocked by the limits, saying the
// way forward) → plan → apply → history → diff → restore.
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
      stateDir: state
    report:
      auditLog: audit.jsonl
    """);

var config = Path.Combine(folder, "config.yaml");
await Console.Error.WriteLineAsync($"demo: Gitea test server at {gitea.Url}, Kubernetes test server at {cluster.Url}, config in {folder}");
int exitCode;
if (args is ["first-run", ..])
{
    var plan = Path.Combine(folder, "plan.json");
    string[][] steps =
    [
        ["run", "--config", config, "--dry-run", "--report", "table"],
        ["plan", "--out", plan, "--config", config, "--report", "table"],
        ["apply", plan, "--config", config, "--report", "table"],
        ["history", "--config", config],
        ["diff", "--config", config],
        // 0.1.20 is production's build: production still holds its blobs, so Gitea takes it back.
        ["restore", "container/cms-plugins==0.1.20", "--config", config],
        // 0.1.1's blobs no version holds any more: Gitea answers 404 for them at once — too late.
        ["restore", "container/cms-plugins==0.1.1", "--config", config],
    ];
    exitCode = 0;
    foreach (var step in steps)
    {
        await Console.Out.WriteLineAsync($"\n$ oci-cleanup {string.Join(' ', step.Select(a => a.Replace(folder + "/", "", StringComparison.Ordinal)))}");
        var code = await Cli.InvokeAsync(step);
        await Console.Out.WriteLineAsync($"(exit {code})");
        // Expected to exit 1: the first dry-run (blocked by the default limits: that is where a plan
        // comes in) and the restore that is too late.
        exitCode = step[0] == "run" || step.Contains("container/cms-plugins==0.1.1") ? exitCode : Math.Max(exitCode, code);
    }
}
else
{
    exitCode = await Cli.InvokeAsync(["run", "--config", config, "--dry-run", .. args.Length > 0 ? args : ["--report", "table"]]);
}

var deletes = gitea.Requests.Count(r => r.Method is "DELETE" or "PUT" or "POST");
await Console.Error.WriteLineAsync($"demo: {gitea.Requests.Count} requests to the registry, {deletes} of them DELETE/PUT/POST");
return exitCode;
