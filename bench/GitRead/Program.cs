// Reads a synthetic GitOps repository as a Git reference source (SPEC §5c, issue 23): FILES YAML files,
// then COMMITS commits that each move CHANGED files' tags, built with `git fast-import`; the source reads
// HEAD and a history window of all COMMITS commits. Prints files, commits, wall time and git processes,
// for the first read (a full fetch) and a second (an incremental fetch with nothing new).
using System.Diagnostics;
using System.Globalization;
using System.Text;
using OciCleanup.Pins.Git;

var files = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var commits = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000;
var changed = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
var folder = Directory.CreateTempSubdirectory("oci-cleanup-bench-git-").FullName;
try
{
    var repository = Path.Combine(folder, "infra");
    var build = Stopwatch.StartNew();
    Git(folder, ["init", "--quiet", "--initial-branch=main", repository]);
    Git(repository, ["fast-import", "--quiet"], Stream(files, commits, changed));
    Console.WriteLine($"built {files} files, {commits + 1} commits ({changed} files changed each) in {build.Elapsed.TotalSeconds:0.0} s");

    var options = new GitSourceOptions("bench", repository, "main", [], Path.Combine(folder, "state", "git", "bench")) { HistoryCommits = commits };
    foreach (var run in new[] { "first read (full fetch)", "second read (incremental fetch)" })
    {
        var source = new GitReferenceSource(options, TimeProvider.System);
        var wall = Stopwatch.StartNew();
        var result = await source.CollectAsync(CancellationToken.None);
        wall.Stop();
        Console.WriteLine($"{run}: {result.Status} {result.Error}, blobs read {source.Read.Files}, commits {source.Read.Commits}, protections {result.Protections.Length}, wall {wall.Elapsed.TotalSeconds:0.00} s, git processes {source.GitProcesses}");
    }
}
finally
{
    Directory.Delete(folder, recursive: true);
}

static string Stream(int files, int commits, int changed)
{
    var text = new StringBuilder();
    var time = DateTimeOffset.UtcNow.AddDays(-commits).ToUnixTimeSeconds();
    for (var c = 0; c <= commits; c++)
    {
        text.Append(CultureInfo.InvariantCulture, $"commit refs/heads/main\ncommitter Bench <bench@example.org> {time + c * 60} +0000\n");
        Data(text, $"commit {c}");
        var range = c == 0 ? Enumerable.Range(0, files) : Enumerable.Range(0, changed).Select(i => (c * changed + i) % files);
        foreach (var f in range)
        {
            text.Append(CultureInfo.InvariantCulture, $"M 100644 inline apps/svc{f:00000}/deployment.yaml\n");
            Data(text, $"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc{f}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: registry.example.org/team/svc{f}:1.0.{c}\n");
        }

        text.Append('\n');
    }

    return text.ToString();
}

static void Data(StringBuilder text, string data) =>
    text.Append(CultureInfo.InvariantCulture, $"data {Encoding.UTF8.GetByteCount(data)}\n{data}\n");

static void Git(string directory, IEnumerable<string> arguments, string? input = null)
{
    var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardInput = input is not null, UseShellExecute = false };
    foreach (var argument in arguments)
    {
        start.ArgumentList.Add(argument);
    }

    using var process = Process.Start(start)!;
    if (input is not null)
    {
        process.StandardInput.Write(input);
        process.StandardInput.Close();
    }

    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed");
    }
}
