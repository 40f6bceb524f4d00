using System.Runtime.InteropServices;
using OciCleanup.Cleaner;
using OciCleanup.TestServers;
using OciCleanup.TestServers.GitHub;

namespace OciCleanup.Demo;

/// <summary>
/// <c>dotnet run --project demo -- ghcr [first-run | explain REF | run options]</c>: the seed-004 fleet on a
/// fake GitHub (packages API and ghcr.io) and a Kubernetes test server; a dry-run by default, or the
/// first cleanup walked through (dry-run → plan → apply → history → restore). Ends by saying what
/// GitHub saw: deletes, <c>/v2</c> DELETEs (must be none) and how often any one manifest was read.
/// </summary>
internal static class GhcrDemo
{
    private const string Token = "ghp_demo-token-not-a-secret";

    public static async Task<int> RunAsync(string[] args)
    {
        await using var github = new GitHubTestServer();
        await github.StartAsync();
        github.AddToken(GitHubToken.Classic(Token, GhcrFleet.Owner, "read:packages", "write:packages", "delete:packages"));
        GhcrFleet.Populate(github.State, DateTimeOffset.UtcNow);
        var downloadsBefore = AllVersions(github).ToDictionary(v => v.Id, v => v.Downloads);
        await using var cluster = new KubernetesTestServer("demo-kube-token");
        await cluster.StartAsync();
        cluster.Apply(GhcrCluster.Yaml());

        var folder = Directory.CreateTempSubdirectory("oci-cleanup-ghcr-demo-").FullName;
        using var stop = new CancellationTokenSource();
        using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Stop(context, stop));
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Stop(context, stop));
        try
        {
            var config = GhcrConfig.Write(folder, Token, github.ApiUrl, github.RegistryUrl, cluster.Kubeconfig("k8s"));
            await Console.Error.WriteLineAsync($"demo: GitHub API at {github.ApiUrl}, ghcr.io at {github.RegistryUrl}, Kubernetes at {cluster.Url}, config in {folder}");
            var exitCode = args is ["first-run", ..]
                ? await FirstRunAsync(config, folder, stop.Token)
                : await Cli.InvokeAsync(args is ["explain", .. var rest]
                    ? ["explain", "--config", config, .. rest]
                    : ["run", "--config", config, "--dry-run", .. (args.Length > 0 ? args : ["--report", "table"])]);
            Summarize(github, downloadsBefore);
            return exitCode;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> FirstRunAsync(string config, string folder, CancellationToken stop)
    {
        var plan = Path.Combine(folder, "plan.json");
        // A tripit build past keepLast that no workload names any more: deleted by apply, then restored.
        var restored = $"container/tripit=={GhcrFleet.Sha8("tripit", 3)}";
        string[][] steps =
        [
            ["run", "--config", config, "--dry-run", "--report", "table"],
            ["plan", "--out", plan, "--config", config, "--report", "table"],
            ["apply", plan, "--config", config, "--report", "table"],
            ["history", "--config", config],
            ["restore", restored, "--config", config],
        ];
        var exitCode = 0;
        foreach (var step in steps.TakeWhile(_ => !stop.IsCancellationRequested))
        {
            await Console.Out.WriteLineAsync($"\n$ oci-cleanup {string.Join(' ', step.Select(a => a.Replace(folder + "/", "", StringComparison.Ordinal)))}");
            var code = await Cli.InvokeAsync(step);
            await Console.Out.WriteLineAsync($"(exit {code})");
            // The first dry-run is expected to stop at the default limits: that is where a plan comes in.
            exitCode = step[0] == "run" ? exitCode : Math.Max(exitCode, code);
        }

        return exitCode;
    }

    private static IEnumerable<GitHubPackageVersion> AllVersions(GitHubTestServer github) =>
        GhcrFleet.Apps.SelectMany(app => github.State.Versions(GhcrFleet.Owner, app.Name));

    private static void Summarize(GitHubTestServer github, Dictionary<long, int> downloadsBefore)
    {
        var log = github.Log;
        var deletes = log.Count(r => r.Server == "api" && r.Method is "DELETE" or "POST");
        var v2Deletes = log.Count(r => r.Server == "ghcr" && r.Method == "DELETE");
        var reads = AllVersions(github).Select(v => v.Downloads - downloadsBefore.GetValueOrDefault(v.Id)).ToList();
        var referenced = GhcrCluster.Referenced().ToHashSet();
        var protectedDeleted = AllVersions(github).Count(v => v.DeletedAt is not null && v.Tags.Any(t => referenced.Contains((v.Package.Name, t))));
        Console.Error.WriteLine($"demo: {log.Count(r => r.Server == "api")} GitHub API requests ({deletes} DELETE/POST), {log.Count(r => r.Server == "ghcr")} ghcr.io requests ({v2Deletes} /v2 DELETE), {reads.Sum()} manifest downloads, at most {reads.DefaultIfEmpty(0).Max()} of any one manifest, {protectedDeleted} versions a workload names deleted");
    }

    private static void Stop(PosixSignalContext context, CancellationTokenSource stop)
    {
        context.Cancel = true;
        stop.Cancel();
    }
}
