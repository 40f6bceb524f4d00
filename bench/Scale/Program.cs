using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using OciCleanup.Bench;
using OciCleanup.TestServers;

// The scale benchmark of issue 11: the real program, as its own process, against a synthetic fleet
// with non-blocking injected latency. Usage (see README "Performance"):
//   dotnet run --project bench/Scale -c Release -- [fleet|deep|smoke|calibrate] [latencyMs] [concurrency] [heapLimitMB]
var variant = args.Length > 0 ? args[0] : "fleet";
if (variant == "client")
{
    return await Client(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
}

var latency = TimeSpan.FromMilliseconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20);
var concurrency = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 8;
var heapLimitMb = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0;
var (owners, packages, tags, indexes, clusters, pods, replicaSets) = variant switch
{
    "deep" or "calibrate" => (1, 1, 14_000, 2_000, 0, 0, 0), // one package: 20,000 versions, 2,000 indexes
    "smoke" => (2, 5, 14, 2, 1, 20, 6),                   // 100 versions: keeps this program from rotting
    _ => (10, 100, 70, 10, 3, 10_000 / 3, 3_000 / 3),     // 1,000 packages, 100,000 versions, 3 clusters
};

await using var fleet = new FleetServer(latency);
var old = DateTimeOffset.UtcNow.AddDays(-60);
for (var o = 0; o < owners; o++)
{
    for (var p = 0; p < packages; p++)
    {
        for (var t = 0; t < tags; t++)
        {
            fleet.AddImage($"owner{o}", $"pkg{p}", $"1.0.{t}", old.AddMinutes(t));
        }

        for (var i = 0; i < indexes; i++)
        {
            fleet.AddIndex($"owner{o}", $"pkg{p}", $"multi-{i}", old.AddMinutes(i), children: 2);
        }
    }
}

await fleet.StartAsync();
if (variant == "calibrate")
{
    return await Calibrate(fleet, tags, concurrency, latency);
}

var folder = Directory.CreateTempSubdirectory("oci-cleanup-scale-").FullName;
var clusterServers = new List<KubernetesTestServer>();
var clusterConfig = new List<string>();
for (var c = 0; c < clusters; c++)
{
    var server = new KubernetesTestServer("bench-token");
    for (var i = 0; i < pods; i++)
    {
        server.ApplyJson(Workload("v1", "Pod", $"pod-{i}", $"{fleet.Url.Authority}/owner{i % owners}/pkg{i % packages}:1.0.{i % tags}"));
    }

    for (var i = 0; i < replicaSets; i++)
    {
        server.ApplyJson(Workload("apps/v1", "ReplicaSet", $"rs-{i}", $"{fleet.Url.Authority}/owner{i % owners}/pkg{(i * 7) % packages}:1.0.{(i * 3) % tags}"));
    }

    await server.StartAsync();
    clusterServers.Add(server);
    await File.WriteAllTextAsync(Path.Combine(folder, $"kubeconfig{c}"), server.Kubeconfig());
    clusterConfig.Add($"  - name: c{c}\n    kubeconfig: kubeconfig{c}\n    context: test\n    concurrency: 4\n");
}

await File.WriteAllTextAsync(Path.Combine(folder, "token"), "bench-token");
var config = Path.Combine(folder, "config.yaml");
await File.WriteAllTextAsync(config, $"""
    registries:
      - name: main
        kind: gitea
        url: {fleet.Url}
        tokenFile: token
        concurrency: {concurrency}
        owners: [{string.Join(", ", Enumerable.Range(0, owners).Select(o => $"owner{o}"))}]
    {(clusters > 0 ? "clusters:\n" + string.Concat(clusterConfig) : "")}
    references:
      helmReleases: false
      helmReleaseSecrets: false
      imagePolicies: false
      kustomizations: false
    safety:
      maxDeleteFraction: 1
      maxDeletes: 1000000
      stateDir: state
    """);

var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
// The shipped CronJob's arguments (kubernetes/base/cronjob.yaml): the table report to standard output;
// the JSON report is streamed to stateDir (last-report.json and the run history) as on every run.
foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "oci-cleanup.dll"), "run", "--config", config, "--report", "table", "--log-format", "json" })
{
    start.ArgumentList.Add(arg);
}

if (heapLimitMb > 0)
{
    // What a container memory limit gives the runtime: the heap hard limit (75 % of the limit by default).
    start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + ((long)heapLimitMb * 1024 * 1024).ToString("X", CultureInfo.InvariantCulture);
}

var clock = Stopwatch.StartNew();
var launched = Stopwatch.GetTimestamp();
using var process = Process.Start(start)!;
var stdout = process.StandardOutput.ReadToEndAsync();
var stderr = process.StandardError.ReadToEndAsync();
long peakKb = 0;
var peakAt = TimeSpan.Zero;
double cpuSeconds = 0;
while (!process.HasExited)
{
    // VmHWM is the kernel's own high-water mark, so polling misses nothing but the last instant.
    try
    {
        var status = await File.ReadAllTextAsync($"/proc/{process.Id}/status");
        var hwm = long.Parse(Regex.Match(status, @"VmHWM:\s+(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        if (hwm > peakKb)
        {
            (peakKb, peakAt) = (hwm, clock.Elapsed);
        }

        var stat = (await File.ReadAllTextAsync($"/proc/{process.Id}/stat")).Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        cpuSeconds = (long.Parse(stat[11], CultureInfo.InvariantCulture) + long.Parse(stat[12], CultureInfo.InvariantCulture)) / 100.0;
    }
    catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException)
    {
        // The process ended between the check and the read.
    }

    await Task.Delay(50);
}

await process.WaitForExitAsync();
clock.Stop();
var exited = Stopwatch.GetTimestamp();
var logs = await stderr;
await stdout;
var versions = owners * packages * (tags + indexes * 3);
var minimumPages = owners * (int)Math.Ceiling(versions / (double)owners / 50.0);
var naive = new Dictionary<string, int> { ["list page"] = minimumPages, ["manifest HEAD"] = versions, ["index GET"] = owners * packages * indexes };
var made = fleet.Requests.ToDictionary();
var total = made.Values.Sum();
var naiveTotal = naive.Values.Sum();
var plan = Regex.Match(logs, "\"PlanMilliseconds\":(\\d+),\"PlanCpuMilliseconds\":(\\d+),\"HeapMegabytes\":(\\d+),\"GcPauseMilliseconds\":(\\d+)");
Console.WriteLine($"variant {variant}: {owners} owners x {packages} packages x ({tags} tags + {indexes} indexes of 2 children) = {versions} versions; {clusters} clusters with {pods * clusters} Pods and {replicaSets * clusters} ReplicaSets");
Console.WriteLine($"latency {latency.TotalMilliseconds} ms per request, concurrency {concurrency}, heap limit {(heapLimitMb > 0 ? heapLimitMb + " MB" : "none")}, exit code {process.ExitCode}");
Console.WriteLine($"{"registry requests",-20}{"made",9}{"naive min",11}");
foreach (var kind in naive.Keys.Concat(made.Keys).Distinct())
{
    Console.WriteLine($"{kind,-20}{made.GetValueOrDefault(kind),9}{naive.GetValueOrDefault(kind),11}");
}

// The bound with the latency as served: the client cannot be faster than the server's late timers.
var bound = total * fleet.ServedLatency.TotalSeconds / concurrency;
var nominalBound = total * latency.TotalSeconds / concurrency;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"total",-20}{total,9}{naiveTotal,11}   ratio {(double)total / naiveTotal:F3} (target <= 0.85)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cluster requests: {string.Join(", ", clusterServers.Select(s => s.Requests.Count))}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wall {clock.Elapsed.TotalSeconds:F1} s; latency bound (requests x latency as served, {fleet.ServedLatency.TotalMilliseconds:F2} ms on average / concurrency) {bound:F1} s; ratio {clock.Elapsed.TotalSeconds / Math.Max(bound, 0.001):F2} (target <= 1.1); against the nominal {latency.TotalMilliseconds} ms: {nominalBound:F1} s, ratio {clock.Elapsed.TotalSeconds / Math.Max(nominalBound, 0.001):F2}"));
var (first, last) = fleet.Span;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"where the wall goes: {Stopwatch.GetElapsedTime(launched, first).TotalSeconds:F1} s from launch to the first registry request, {Stopwatch.GetElapsedTime(first, last).TotalSeconds:F1} s of registry requests (ratio {Stopwatch.GetElapsedTime(first, last).TotalSeconds / Math.Max(bound, 0.001):F2}), {Stopwatch.GetElapsedTime(last, exited).TotalSeconds:F1} s from the last response to exit"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak RSS (VmHWM) {peakKb / 1024.0:F0} MB (target <= 250), reached {peakAt.TotalSeconds:F1} s into the run; CPU {cpuSeconds:F1} s; match + plan {(plan.Success ? $"{plan.Groups[1].Value} ms wall, {plan.Groups[2].Value} ms CPU (target <= 500); heap after plan {plan.Groups[3].Value} MB; GC pauses until then {plan.Groups[4].Value} ms" : "not logged")}"));
foreach (var server in clusterServers)
{
    await server.DisposeAsync();
}

if (process.ExitCode != 0)
{
    Console.Error.WriteLine(logs.Length > 4000 ? logs[^4000..] : logs);
}

return process.ExitCode;

// The floor this machine and server allow: curl (C, no runtime) HEADs every tag of the deep package
// with the same number in flight. Its wall against the same bound is what any client could reach.
static async Task<int> Calibrate(FleetServer fleet, int tags, int concurrency, TimeSpan latency)
{
    var urls = Path.GetTempFileName();
    await File.WriteAllLinesAsync(urls, Enumerable.Range(0, tags).SelectMany(t => new[] { $"url = \"{fleet.Url}v2/owner0/pkg0/manifests/1.0.{t}\"", "output = \"/dev/null\"" }));
    foreach (var (client, start) in new[]
    {
        ("curl", new ProcessStartInfo("curl", ["--silent", "--no-progress-meter", "--head", "--parallel", "--parallel-immediate", "--parallel-max", concurrency.ToString(CultureInfo.InvariantCulture), "--config", urls])),
        // The same in .NET: a bare HttpClient loop, this program started again as the client.
        (".NET HttpClient", new ProcessStartInfo("dotnet", [typeof(FleetServer).Assembly.Location, "client", urls, concurrency.ToString(CultureInfo.InvariantCulture)])),
    })
    {
        fleet.Requests.Clear();
        fleet.ResetServedLatency();
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        var clock = Stopwatch.StartNew();
        using (var process = Process.Start(start)!)
        {
            await Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
            await process.WaitForExitAsync();
        }

        clock.Stop();
        var made = fleet.Requests.Values.Sum();
        var bound = made * fleet.ServedLatency.TotalSeconds / concurrency;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"calibrate, {client}: {made} HEADs ({tags} asked), {concurrency} in flight, {latency.TotalMilliseconds} ms injected ({fleet.ServedLatency.TotalMilliseconds:F2} ms as served); wall {clock.Elapsed.TotalSeconds:F1} s (process start included); latency bound {bound:F1} s; ratio {clock.Elapsed.TotalSeconds / Math.Max(bound, 0.001):F2}"));
    }

    File.Delete(urls);
    return 0;
}

// calibrate's .NET client: HEAD every URL of a curl config file, CONCURRENCY at a time, nothing else.
static async Task<int> Client(string urlFile, int concurrency)
{
    var urls = File.ReadAllLines(urlFile).Where(l => l.StartsWith("url", StringComparison.Ordinal)).Select(l => l.Split('"')[1]).ToArray();
    using var http = new HttpClient(new SocketsHttpHandler());
    var next = -1;
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        for (int i; (i = Interlocked.Increment(ref next)) < urls.Length;)
        {
            using var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, urls[i]));
        }
    }));
    return 0;
}

static System.Text.Json.Nodes.JsonObject Workload(string apiVersion, string kind, string name, string image)
{
    var containers = new[] { new { name = "app", image } };
    object spec = kind == "Pod" ? new { containers } : new { replicas = 0, template = new { spec = new { containers } } };
    return System.Text.Json.JsonSerializer.SerializeToNode(new { apiVersion, kind, metadata = new { name, @namespace = "bench" }, spec })!.AsObject();
}
