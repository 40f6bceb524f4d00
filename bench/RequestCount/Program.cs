using System.Diagnostics;
using System.Globalization;
using OciCleanup.TestServers;

// Requests made by one whole `oci-cleanup run` against a Gitea fleet, versus the fewest the API
// allows: ceil(versions/50) list pages per owner, one HEAD per container version (its digest and
// media type), one GET per distinct index (children are only in the body). Usage:
//   dotnet run --project bench/RequestCount -c Release [-- OWNERS PACKAGES TAGS INDEXES [SIZES]]
// SIZES=1 turns on `report.sizes` and counts what the blob sizes cost (one /files per distinct manifest).
var owners = Arg(0, 2);
var packages = Arg(1, 20);
var tags = Arg(2, 30);
var indexes = Arg(3, 5);
var sizes = Arg(4, 0) == 1;
const string Token = "bench-token";

await using var gitea = new GiteaTestServer(Token);
await gitea.StartAsync();
var old = DateTimeOffset.UtcNow.AddDays(-60);
for (var o = 0; o < owners; o++)
{
    for (var p = 0; p < packages; p++)
    {
        for (var t = 0; t < tags; t++)
        {
            gitea.Push($"owner{o}", $"pkg{p}", $"1.0.{t}", StoredManifest.Image($"{o}/{p}/{t}"), old.AddHours(t));
        }

        for (var i = 0; i < indexes; i++)
        {
            gitea.PushIndex($"owner{o}", $"pkg{p}", $"multi-{i}", $"{o}/{p}/multi-{i}", old.AddHours(i), "amd64", "arm64");
        }
    }
}

var folder = Directory.CreateTempSubdirectory("oci-cleanup-bench-").FullName;
await File.WriteAllTextAsync(Path.Combine(folder, "token"), Token);
var config = Path.Combine(folder, "config.yaml");
await File.WriteAllTextAsync(config, $"""
    registries:
      - name: main
        kind: gitea
        url: {gitea.Url}
        tokenFile: token
        owners: [{string.Join(", ", Enumerable.Range(0, owners).Select(o => $"owner{o}"))}]
    safety:
      maxDeleteFraction: 1
      maxDeletes: 1000000
      stateDir: state
    report:
      sizes: {(sizes ? "true" : "false")}
    """);

var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "oci-cleanup.dll"), "run", "--config", config, "--report", "json", "--output", Path.Combine(folder, "report.json") })
{
    start.ArgumentList.Add(arg);
}

var clock = Stopwatch.StartNew();
using (var process = Process.Start(start)!)
{
    _ = process.StandardOutput.ReadToEndAsync();
    _ = process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    if (process.ExitCode != 0)
    {
        Console.Error.WriteLine($"oci-cleanup exited {process.ExitCode}");
        return 1;
    }
}

clock.Stop();
var versionsPerOwner = packages * (tags + indexes * 3);
var versions = owners * versionsPerOwner;
var minimumPages = owners * (int)Math.Ceiling(versionsPerOwner / 50.0);
var minimumHeads = versions;
var minimumGets = owners * packages * indexes;
var requests = gitea.Requests;
var files = requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/files", StringComparison.Ordinal));
var pages = requests.Count(r => r.Method == "GET" && r.Path.StartsWith("/api/v1/packages/", StringComparison.Ordinal)) - files;
var heads = requests.Count(r => r.Method == "HEAD");
var gets = requests.Count(r => r.Method == "GET" && r.Path.StartsWith("/v2/", StringComparison.Ordinal));
var repeated = requests.GroupBy(r => (r.Method, r.Path, r.Query)).Count(g => g.Count() > 1);
var minimum = minimumPages + minimumHeads + minimumGets;
Console.WriteLine($"fleet: {owners} owners x {packages} packages x ({tags} tags + {indexes} two-platform indexes) = {versions} versions");
Console.WriteLine($"{"request",-28}{"made",8}{"minimum",9}");
Console.WriteLine($"{"owner list pages",-28}{pages,8}{minimumPages,9}");
Console.WriteLine($"{"manifest HEAD",-28}{heads,8}{minimumHeads,9}");
Console.WriteLine($"{"index manifest GET",-28}{gets,8}{minimumGets,9}");
if (sizes)
{
    Console.WriteLine($"{"version files (sizes)",-28}{files,8}{"(opt-in)",9}");
}

Console.WriteLine($"{"total",-28}{requests.Count,8}{minimum,9}");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio made/minimum: {(double)requests.Count / minimum:F3}; requests repeated: {repeated}; writes: {requests.Count(r => r.Method is "DELETE" or "PUT" or "POST")}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(wall time {clock.Elapsed.TotalSeconds:F1} s on this machine; informational only)"));
return 0;

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
