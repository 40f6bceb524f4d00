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
var (owners, packages, tags, indexes, clusters) = variant switch
{
    "deep" or "calibrate" => (1, 1, 14_000, 2_000, 0), // one package: 20,000 versions, 2,000 indexes
    "smoke" => (2, 5, 14, 2, 1),                         // 100 versions: keeps this program from rotting
    _ => (10, 100, 70, 10, 3),                           // 1,000 packages, 100,000 versions, 3 clusters
};
// Per cluster; the fleet's three make 10,002 Pods, 3,000 ReplicaSets, 450 HelmReleases with 2,250 release Secrets.
var shape = variant == "smoke" ? new ClusterShape(20, 6, 2, 3, 2) : ClusterShape.Fleet;

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
    new ClusterObjects(fleet.Url.Authority, fleet, owners, packages, tags).Fill(server, c, shape);
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
      helmReleases: true
      helmReleaseSecrets: true
      imagePolicies: true
      kustomizations: true
    safety:
      maxDeleteFraction: 1
      maxDeletes: 1000000
      stateDir: state
    """);

var first = await MeasureAsync(fleet, config, heapLimitMb);
var versions = owners * packages * (tags + indexes * 3);
var minimumPages = owners * (int)Math.Ceiling(versions / (double)owners / 50.0);
var naive = new Dictionary<string, int> { ["list page"] = minimumPages, ["manifest HEAD"] = versions, ["index GET"] = owners * packages * indexes };
var total = first.Requests.Values.Sum();
var naiveTotal = naive.Values.Sum();
Console.WriteLine($"variant {variant}: {owners} owners x {packages} packages x ({tags} tags + {indexes} indexes of 2 children) = {versions} versions; {clusters} clusters with {shape.Pods * clusters} Pods, {shape.ReplicaSets * clusters} ReplicaSets, {shape.StatefulSets * clusters} StatefulSets, {shape.HelmReleases * clusters} HelmReleases with {shape.HelmReleases * ClusterObjects.Revisions * clusters} release Secrets, {shape.ImagePolicies * clusters} ImagePolicies");
Console.WriteLine($"latency {latency.TotalMilliseconds} ms per request, concurrency {concurrency}, heap limit {(heapLimitMb > 0 ? heapLimitMb + " MB" : "none")}, exit code {first.ExitCode}");
Console.WriteLine($"runtime settings from kubernetes/base/cronjob.yaml: {string.Join(", ", CronJobRuntimeSettings().Select(s => $"{s.Name}={s.Value}"))}");
Console.WriteLine($"{"registry requests",-20}{"made",9}{"naive min",11}");
foreach (var kind in naive.Keys.Concat(first.Requests.Keys).Distinct())
{
    Console.WriteLine($"{kind,-20}{first.Requests.GetValueOrDefault(kind),9}{naive.GetValueOrDefault(kind),11}");
}

// The bound with the latency as served: the client cannot be faster than the server's late timers.
var bound = total * first.ServedLatency.TotalSeconds / concurrency;
var nominalBound = total * latency.TotalSeconds / concurrency;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"total",-20}{total,9}{naiveTotal,11}   ratio {(double)total / naiveTotal:F3} (target <= 0.85)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cluster requests: {string.Join(", ", clusterServers.Select(s => s.Requests.Count))}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wall {first.Wall.TotalSeconds:F1} s; latency bound (requests x latency as served, {first.ServedLatency.TotalMilliseconds:F2} ms on average / concurrency) {bound:F1} s; ratio {first.Wall.TotalSeconds / Math.Max(bound, 0.001):F2} (target <= 1.1); against the nominal {latency.TotalMilliseconds} ms: {nominalBound:F1} s, ratio {first.Wall.TotalSeconds / Math.Max(nominalBound, 0.001):F2}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"where the wall goes: {first.ToFirstRequest.TotalSeconds:F1} s from launch to the first registry request, {first.RequestSpan.TotalSeconds:F1} s of registry requests (ratio {first.RequestSpan.TotalSeconds / Math.Max(bound, 0.001):F2}), {first.AfterLastResponse.TotalSeconds:F1} s from the last response to exit"));
Console.WriteLine(first.Memory("first run"));

// The next night on the unchanged fleet: the same program, the same stateDir.
var firstDecisions = Decisions(Path.Combine(folder, "state", "last-report.json"));
clusterServers.ForEach(s => s.ClearRequests());
var second = await MeasureAsync(fleet, config, heapLimitMb);
var secondTotal = second.Requests.Values.Sum();
var sameDecisions = firstDecisions == Decisions(Path.Combine(folder, "state", "last-report.json"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"second-run: exit code {second.ExitCode}; registry requests {secondTotal} ({string.Join(", ", second.Requests.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value}"))}) = {(double)secondTotal / Math.Max(total, 1):F3} of the first run's {total} (target <= 0.1); cluster requests {string.Join(", ", clusterServers.Select(s => s.Requests.Count))}; decisions {(sameDecisions ? "the same" : "DIFFERENT")}; wall {second.Wall.TotalSeconds:F1} s"));
Console.WriteLine(second.Memory("second run"));
foreach (var server in clusterServers)
{
    await server.DisposeAsync();
}

foreach (var run in new[] { first, second }.Where(r => r.ExitCode != 0))
{
    Console.Error.WriteLine(run.Logs.Length > 4000 ? run.Logs[^4000..] : run.Logs);
}

return first.ExitCode != 0 ? first.ExitCode : second.ExitCode != 0 ? second.ExitCode : sameDecisions ? 0 : 1;

// One run of the real program with the shipped CronJob's arguments, measured from outside.
static async Task<Measured> MeasureAsync(FleetServer fleet, string config, int heapLimitMb)
{
    fleet.Requests.Clear();
    fleet.ResetServedLatency();
    fleet.ResetSpan();
    var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
    // The shipped CronJob's arguments (kubernetes/base/cronjob.yaml): the table report to standard output;
    // the JSON report is streamed to stateDir (last-report.json and the run history) as on every run.
    foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "oci-cleanup.dll"), "run", "--config", config, "--report", "table", "--log-format", "json" })
    {
        start.ArgumentList.Add(arg);
    }

    // The shipped CronJob's runtime settings too (its DOTNET_ variables): the program is measured as it is deployed.
    foreach (var (name, value) in CronJobRuntimeSettings())
    {
        start.Environment[name] = value;
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
    var (firstRequest, last) = fleet.Span;
    return new Measured(process.ExitCode, clock.Elapsed, fleet.Requests.ToDictionary(), fleet.ServedLatency, Stopwatch.GetElapsedTime(launched, firstRequest), Stopwatch.GetElapsedTime(firstRequest, last), Stopwatch.GetElapsedTime(last, exited), peakKb, peakAt, cpuSeconds, logs);
}

// The DOTNET_ variables of kubernetes/base/cronjob.yaml, found from the benchmark's own folder upwards.
static IEnumerable<(string Name, string Value)> CronJobRuntimeSettings()
{
    var folder = new DirectoryInfo(AppContext.BaseDirectory);
    while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "kubernetes", "base", "cronjob.yaml")))
    {
        folder = folder.Parent;
    }

    var manifest = folder is null ? throw new FileNotFoundException("kubernetes/base/cronjob.yaml above " + AppContext.BaseDirectory) : File.ReadAllText(Path.Combine(folder.FullName, "kubernetes", "base", "cronjob.yaml"));
    return Regex.Matches(manifest, @"- name: (DOTNET_\w+)\s+value: ""([^""]*)""").Select(m => (m.Groups[1].Value, m.Groups[2].Value));
}

// The decisions of a JSON report, in a canonical order: equal when two runs decided the same.
static string Decisions(string reportPath)
{
    using var report = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(reportPath));
    return string.Join("\n", report.RootElement.GetProperty("decisions").EnumerateArray().Select(d => d.GetRawText()).Order(StringComparer.Ordinal));
}

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
