namespace OciCleanup.Integration.Tests.State;

/// <summary>
/// Issue 21 item 3: links planted in the state folder, beside the metrics file or at a plan's path are
/// never followed — a linked entry of stateDir fails the run before anything is contacted, and temp
/// files get names nobody can plant in advance, so the targets stay as they were.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class StateLinkTests : IAsyncLifetime
{
    private readonly GiteaFleet _fleet = new("state-token");

    private string State => Path.Combine(_fleet.Folder.Path, "state");

    public async Task InitializeAsync()
    {
        await StateFleet.StartAsync(_fleet);
        Directory.CreateDirectory(State);
        Directory.CreateDirectory(Path.Combine(_fleet.Folder.Path, "textfile"));
    }

    public Task DisposeAsync() => _fleet.DisposeAsync().AsTask();

    private string Config => StateFleet.Config(_fleet, "state", "historyRuns: 2, metricsFile: textfile/oci-cleanup.prom");

    private string Target(string name)
    {
        var path = _fleet.Folder.Write(name, $"{name}: not oci-cleanup's");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    [Fact]
    public async Task Run_HistoryIsALinkToAFolderOfJsonFiles_RefusedBeforeAnyRequestAndNoForeignFileDeleted()
    {
        var foreign = Directory.CreateDirectory(Path.Combine(_fleet.Folder.Path, "foreign")).FullName;
        for (var i = 1; i <= 4; i++)
        {
            File.WriteAllText(Path.Combine(foreign, $"2020-0{i}.json"), "{}");
        }

        Directory.CreateSymbolicLink(Path.Combine(State, "history"), foreign);

        var result = await CleanerProcess.RunAsync("run", "--config", Config, "--report", "json");

        result.ExitCode.ShouldBe(1, result.Stderr);
        result.Stderr.ShouldContain("history is a symbolic link");
        result.Stderr.ShouldContain("nothing was contacted and nothing deleted");
        Directory.GetFiles(foreign).Length.ShouldBe(4);
        _fleet.Gitea.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Report_HistoryIsALink_NothingReadThroughItAndSaysWhy()
    {
        var foreign = Directory.CreateDirectory(Path.Combine(_fleet.Folder.Path, "foreign")).FullName;
        File.WriteAllText(Path.Combine(foreign, "20200101T000000Z-aaaa.json"), "{}");
        Directory.CreateSymbolicLink(Path.Combine(State, "history"), foreign);

        var result = await CleanerProcess.RunAsync("report", "--config", Config);

        result.ExitCode.ShouldNotBe(0);
        result.Stderr.ShouldContain("history is a symbolic link");
    }

    [Fact]
    public async Task Run_RunLockIsALink_RefusedAndItsTargetNotTruncated()
    {
        var target = Target("precious.txt");
        File.CreateSymbolicLink(Path.Combine(State, "run.lock"), target);

        var result = await CleanerProcess.RunAsync("run", "--config", Config, "--report", "json");

        result.ExitCode.ShouldBe(1, result.Stderr);
        result.Stderr.ShouldContain("run.lock is a symbolic link");
        File.ReadAllText(target).ShouldBe("precious.txt: not oci-cleanup's");
        _fleet.Gitea.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Run_LinksAtTheOldTempNames_TargetsNeitherWrittenNorChmodded()
    {
        // The temp names of before: fixed, or with the pid — which `exec` keeps, so the shell knows it.
        var plants = new Dictionary<string, string>
        {
            ["state/baselines.json.tmp"] = Target("baselines-target"),
            ["state/first-seen.json.tmp"] = Target("first-seen-target"),
            ["state/last-report.json.$$.tmp"] = Target("last-report-target"),
            ["textfile/.oci-cleanup.prom.$$.tmp"] = Target("metrics-target"),
        };
        var links = string.Join("; ", plants.Select(p => $"ln -s '{p.Value}' {p.Key}"));

        var result = await Tool.RunAsync("bash", _fleet.Folder.Path, "-c", $"{links}; exec dotnet '{StateFleet.Dll}' run --config '{Config}' --report json");

        result.ExitCode.ShouldBe(0, result.Stderr);
        foreach (var target in plants.Values)
        {
            File.ReadAllText(target).ShouldBe($"{Path.GetFileName(target)}: not oci-cleanup's");
            File.GetUnixFileMode(target).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite, target);
        }

        File.ReadAllText(Path.Combine(State, "baselines.json")).ShouldContain("\"targets\"");
        File.ReadAllText(Path.Combine(_fleet.Folder.Path, "textfile", "oci-cleanup.prom")).ShouldContain("oci_cleanup_last_run_success 1");
    }

    [Fact]
    public async Task Run_MetricsFileIsALink_NotWrittenThroughAndSaysWhy()
    {
        var target = Target("node-exporter-owned.prom");
        File.CreateSymbolicLink(Path.Combine(_fleet.Folder.Path, "textfile", "oci-cleanup.prom"), target);

        var result = await CleanerProcess.RunAsync("run", "--config", Config, "--report", "json");

        result.Stderr.ShouldContain("metrics file not written");
        result.Stderr.ShouldContain("oci-cleanup.prom is a symbolic link");
        File.ReadAllText(target).ShouldBe("node-exporter-owned.prom: not oci-cleanup's");
        File.GetUnixFileMode(target).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public async Task Plan_OutIsALink_NoPlanWrittenAndTargetUntouched()
    {
        var target = Target("elsewhere.json");
        var link = Path.Combine(_fleet.Folder.Path, "plan.json");
        File.CreateSymbolicLink(link, target);

        var result = await CleanerProcess.RunAsync("plan", "--out", link, "--config", Config, "--report", "json");

        result.ExitCode.ShouldBe(1, result.Stderr);
        result.Stderr.ShouldContain("no plan written");
        result.Stderr.ShouldContain("plan.json is a symbolic link");
        File.ReadAllText(target).ShouldBe("elsewhere.json: not oci-cleanup's");
        _fleet.Gitea.Requests.ShouldNotContain(r => r.Method == "DELETE");
    }
}
