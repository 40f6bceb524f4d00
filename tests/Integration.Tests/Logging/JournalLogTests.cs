using System.Text.Json;

namespace OciCleanup.Integration.Tests.Logging;

/// <summary>
/// The real program's stderr as journald would read it: a failing run logs an error, a warning and
/// information; with JOURNAL_STREAM naming stderr each line starts with its syslog priority.
/// </summary>
public sealed class JournalLogTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // Nothing listens on port 9: the registry's inventory fails (error), the run is blocked
    // (warning) and finishes (information). (An unset token variable is now a usage error, exit 2.)
    private string Config() => _folder.Write("config.yaml", """
        registries:
          - name: main
            kind: gitea
            url: http://127.0.0.1:9/
            tokenEnv: OCI_CLEANUP_TEST_TOKEN
            owners: [oleks]
        safety:
          stateDir: state
        """);

    /// <summary>Runs the program with stderr on a pipe; JOURNAL_STREAM is DEVICE:INODE of that pipe, or <paramref name="journalStream"/>.</summary>
    private async Task<string> StderrAsync(string logFormat, string? journalStream)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "oci-cleanup.dll");
        var stream = journalStream ?? "$(stat -L -c %d:%i /proc/self/fd/2)";
        var script = $"export OCI_CLEANUP_TEST_TOKEN=journal-token; JOURNAL_STREAM={stream} exec dotnet '{dll}' run --config '{Config()}' --report json --log-format {logFormat}";

        var result = await Tool.RunAsync("bash", _folder.Path, "-c", script);

        result.ExitCode.ShouldBe(1, result.Stderr);
        return result.Stderr;
    }

    [Fact]
    public async Task Run_StderrIsTheJournalStream_EachJsonLineStartsWithItsPriority()
    {
        var stderr = await StderrAsync("json", journalStream: null);

        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldContain(l => l.StartsWith("<3>{\"@t\":", StringComparison.Ordinal) && l.Contains("\"@l\":\"Error\"", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("<4>{\"@t\":", StringComparison.Ordinal) && l.Contains("\"@l\":\"Warning\"", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("<6>{\"@t\":", StringComparison.Ordinal) && l.Contains("\"@l\":\"Information\"", StringComparison.Ordinal));
        foreach (var line in lines)
        {
            // After the three-byte prefix, the line is the same JSON as without journald.
            line[0].ShouldBe('<', line);
            using var json = JsonDocument.Parse(line[3..]);
        }
    }

    [Fact]
    public async Task Run_StderrIsTheJournalStream_TextLinesStartWithTheirPriority()
    {
        var stderr = await StderrAsync("text", journalStream: null);

        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldContain(l => l.StartsWith("<3>", StringComparison.Ordinal) && l.Contains("main", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("<4>", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("<6>", StringComparison.Ordinal));
        lines.ShouldAllBe(l => l.Length > 3 && l[0] == '<' && l[2] == '>');
    }

    [Fact]
    public async Task Run_JournalStreamInheritedButStderrElsewhere_NoPrefix()
    {
        var stderr = await StderrAsync("json", journalStream: "8:1");

        stderr.ShouldStartWith("{\"@t\":");
        stderr.ShouldNotContain("\n<");
    }

    [Fact]
    public async Task Run_JsonLines_CarryRenderedMessageLevelAndOneRunId()
    {
        var stderr = await StderrAsync("json", journalStream: "8:1");

        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines.Count.ShouldBeGreaterThanOrEqualTo(3);
        lines.ShouldAllBe(l => l.GetProperty("@l").GetString()!.Length > 0);
        lines.Select(l => l.GetProperty("runId").GetString()).Distinct().ShouldHaveSingleItem()!.ShouldMatch("^[0-9]{8}T[0-9]{6}Z-[0-9a-f]{4}$");
        var blocked = lines.Single(l => l.GetProperty("@l").GetString() == "Warning");
        // What `journalctl -o cat` shows: the message with its values, not the template.
        blocked.GetProperty("@m").GetString().ShouldStartWith("Run blocked: reference source failed: registry:main");
        blocked.GetProperty("@mt").GetString().ShouldBe("Run blocked: {BlockedReason}");
        lines.ShouldContain(l => l.GetProperty("@l").GetString() == "Information" && l.GetProperty("@m").GetString()!.StartsWith("Run finished in dry-run mode: 0 versions", StringComparison.Ordinal));
    }
}
