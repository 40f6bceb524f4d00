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
var configPath = DemoConfig.Write(folder, Token, gitea.Url, cluster.Kubeconfig("armer"));

// `dotnet run --project demo -- explain REF` explains one version of the demo fleet; anything else is passed to `run`.
List<string> runArgs = args is ["explain", .. var rest]
    ? ["explain", "--config", configPath, .. rest]
    : ["run", "--config", configPath, "--dry-run", .. (args.Length > 0 ? args : ["--report", "table"])];
await Console.Error.WriteLineAsync($"demo: Gitea test server at {gitea.Url}, Kubernetes test server at {cluster.Url}, config in {folder}");
var exitCode = await Cli.InvokeAsync([.. runArgs]);
var deletes = gitea.Requests.Count(r => r.Method is "DELETE" or "PUT" or "POST");
await Console.Error.WriteLineAsync($"demo: {gitea.Requests.Count} requests to the registry, {deletes} of them DELETE/PUT/POST");
return exitCode;
