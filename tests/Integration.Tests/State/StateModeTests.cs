namespace OciCleanup.Integration.Tests.State;

/// <summary>
/// Issue 21 item 3: whatever the umask, what oci-cleanup writes is its own — the audit log (it holds
/// manifests), plans, the plan key, history and state 0600, the folders it makes 0700 — while the
/// metrics textfile stays 0644 for node_exporter; wider modes left from before are narrowed.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class StateModeTests : IAsyncLifetime
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateFolder = Private | UnixFileMode.UserExecute;
    private readonly GiteaFleet _fleet = new("mode-token");

    private string State => Path.Combine(_fleet.Folder.Path, "var", "state");

    public async Task InitializeAsync()
    {
        await StateFleet.StartAsync(_fleet);
    }

    public Task DisposeAsync() => _fleet.DisposeAsync().AsTask();

    private string Config => StateFleet.Config(_fleet, "var/state", "auditLog: audit/audit.jsonl, metricsFile: textfile/oci-cleanup.prom");

    private async Task<Tool.Result> UnderUmask000Async(string arguments) =>
        await Tool.RunAsync("bash", _fleet.Folder.Path, "-c", $"umask 000; exec dotnet '{StateFleet.Dll}' {arguments} --config '{Config}' --report json");

    private string In(params string[] parts) => Path.Combine([_fleet.Folder.Path, .. parts]);

    [Fact]
    public async Task RunAndPlan_UnderUmask000_FilesPrivateFoldersPrivateMetricsWorldReadable()
    {
        var run = await UnderUmask000Async("run --delete");
        var plan = await UnderUmask000Async($"plan --out '{In("plan.json")}'");

        run.ExitCode.ShouldBe(0, run.Stderr);
        plan.ExitCode.ShouldBe(0, plan.Stderr);
        _fleet.Gitea.Requests.Count(r => r.Method == "DELETE").ShouldBeGreaterThan(0, "the audit log is written by deletes");
        var files = new[] { In("audit", "audit.jsonl"), In("plan.json"), Path.Combine(State, "plan.key"), Path.Combine(State, "baselines.json"), Path.Combine(State, "first-seen.json"), Path.Combine(State, "last-report.json"), Path.Combine(State, "run.lock") }
            .Concat(Directory.GetFiles(Path.Combine(State, "history")));
        foreach (var file in files)
        {
            File.GetUnixFileMode(file).ShouldBe(Private, file);
        }

        foreach (var folder in new[] { In("var"), State, Path.Combine(State, "history"), In("audit") })
        {
            File.GetUnixFileMode(folder).ShouldBe(PrivateFolder, folder);
        }

        File.GetUnixFileMode(In("textfile", "oci-cleanup.prom")).ShouldBe(Private | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.GetUnixFileMode(In("textfile")).ShouldBe(PrivateFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }

    [Fact]
    public async Task Run_WideModesLeftFromBefore_NarrowedToAGroupReaderAtMost()
    {
        const UnixFileMode everyone = (UnixFileMode)0x1FF;
        Directory.CreateDirectory(State);
        Directory.CreateDirectory(In("audit"));
        File.SetUnixFileMode(State, everyone);
        foreach (var file in new[] { In("audit", "audit.jsonl"), Path.Combine(State, "first-seen.json"), Path.Combine(State, "run.lock") })
        {
            File.WriteAllText(file, file.EndsWith(".json", StringComparison.Ordinal) ? "{}" : "");
            File.SetUnixFileMode(file, everyone & ~UnixFileMode.UserExecute & ~UnixFileMode.GroupExecute & ~UnixFileMode.OtherExecute);
        }

        var run = await UnderUmask000Async("run --delete");

        run.ExitCode.ShouldBe(0, run.Stderr);
        File.GetUnixFileMode(State).ShouldBe(PrivateFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        File.GetUnixFileMode(In("audit", "audit.jsonl")).ShouldBe(Private | UnixFileMode.GroupRead);
        File.GetUnixFileMode(Path.Combine(State, "run.lock")).ShouldBe(Private | UnixFileMode.GroupRead);
        File.GetUnixFileMode(Path.Combine(State, "first-seen.json")).ShouldBe(Private, "replaced by a new file");
    }
}
