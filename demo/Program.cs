using System.Runtime.InteropServices;
using OciCleanup.Cleaner;
using OciCleanup.Demo;
using OciCleanup.TestServers;

// Starts a Gitea API test server and a Kubernetes API test server on loopback with the seed-003
// fleet, writes a config (the default safety limits, nothing edited), a kubeconfig and a pins file
// that pins the floating tags, and runs `oci-cleanup run --dry-run` (or `explain REF`) against them.
// With `first-run` it walks a never-cleaned registry to its first deletes: dry-run (blocked by the
// limits, saying the way forward) → plan → apply → history → diff → restore.
// `ghcr`: the seed-004 fleet on a fake GitHub instead (demo/Ghcr*.cs).
if (args is ["ghcr", .. var ghcrArgs])
{
    return await GhcrDemo.RunAsync(ghcrArgs);
}

const string Token = "demo-token-not-a-secret";
await using var gitea = new GiteaTestServer(Token);
await gitea.StartAsync();
DemoFleet.Populate(gitea, DateTimeOffset.UtcNow);
await using var cluster = new KubernetesTestServer("demo-kube-token");
await cluster.StartAsync();
DemoFleet.Populate(cluster);

var folder = Directory.CreateTempSubdirectory("oci-cleanup-demo-").FullName;
// The folder goes whatever happens: a normal end, an exception, Ctrl-C or SIGTERM. A signal is taken
// over (not the default exit) so that the finally below runs; a run in flight stops on it by itself,
// and no further first-run step starts.
using var stop = new CancellationTokenSource();
using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
try
{
    var config = DemoConfig.Write(folder, Token, gitea.Url, cluster.Kubeconfig("armer"));
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
            // 0.1.21 rebuilt production's build unchanged: production still holds its blobs, so Gitea takes it back.
            ["restore", "container/cms-plugins==0.1.21", "--config", config],
            // 0.1.1's blobs no version holds any more: Gitea answers 404 for them at once — too late.
            ["restore", "container/cms-plugins==0.1.1", "--config", config],
        ];
        exitCode = 0;
        foreach (var step in steps.TakeWhile(_ => !stop.IsCancellationRequested))
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
        // `dotnet run --project demo -- explain REF` explains one version of the demo fleet; anything else is passed to `run`.
        List<string> runArgs = args is ["explain", .. var rest]
            ? ["explain", "--config", config, .. rest]
            : ["run", "--config", config, "--dry-run", .. (args.Length > 0 ? args : ["--report", "table"])];
        exitCode = await Cli.InvokeAsync([.. runArgs]);
    }

    var deletes = gitea.Requests.Count(r => r.Method is "DELETE" or "PUT" or "POST");
    await Console.Error.WriteLineAsync($"demo: {gitea.Requests.Count} requests to the registry, {deletes} of them DELETE/PUT/POST");
    return exitCode;
}
finally
{
    Directory.Delete(folder, recursive: true);
}

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
