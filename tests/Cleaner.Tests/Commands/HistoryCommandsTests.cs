using OciCleanup.Cleaner.Commands;
using OciCleanup.Cleaner.History;
using OciCleanup.Cleaner.Tests.Reporting;

namespace OciCleanup.Cleaner.Tests.Commands;

/// <summary>What <c>history</c> and <c>diff</c> print for stored runs of the fixed report, against golden files.</summary>
public sealed class HistoryCommandsTests : IDisposable
{
    private readonly TempFolder _state = new();

    public void Dispose() => _state.Dispose();

    private static RunReport DryRun => FixedReport.Ok with { RunId = "20260602T020000Z-abcd" };

    // A day later: the pins line of staging is gone and 0.1.10 took it, 0.1.9 fell out of keepLast, and the deletes ran.
    private static RunReport Later
    {
        get
        {
            var run = DeleteReport.Build();
            var decisions = run.Decisions.Select(d => d.Version switch
            {
                "staging" => d with { Reasons = d.Reasons.RemoveAt(0) },
                "0.1.10" => d with { Reasons = d.Reasons.Insert(0, new ReasonEntry("pin", new PinsLineOrigin("/etc/registry-pins.txt", 3))) },
                "0.1.9" => d with { Action = "delete", Reasons = [new ReasonEntry("retention", new RetentionOrigin("older than 14 days and not among the newest 1"))], Result = "deleted" },
                _ => d,
            }).ToList();
            return run with
            {
                StartedAt = Some.Now.AddDays(1),
                FinishedAt = Some.Now.AddDays(1).AddSeconds(9),
                RunId = "20260603T020000Z-ef01",
                Decisions = [.. decisions],
                Summary = run.Summary with
                {
                    Keep = decisions.Count(d => d.Action == "keep"),
                    Delete = decisions.Count(d => d.Action == "delete"),
                    Deleted = decisions.Count(d => d.Result == "deleted"),
                },
            };
        }
    }

    [Fact]
    public void HistoryLines_ThreeStoredRuns_MatchGoldenFile()
    {
        var history = new RunHistory(_state.Path);
        foreach (var run in new[] { DryRun, FixedReport.Blocked with { StartedAt = Some.Now.AddHours(12), RunId = "20260602T140000Z-b10c" }, Later })
        {
            history.Save(run, keep: 10).ShouldBeNull();
        }

        GoldenFile.Verify("history.txt", string.Join('\n', HistoryCommands.HistoryLines(history)) + "\n");
    }

    [Fact]
    public void DiffLines_DryRunThenDeleteRun_MatchGoldenFile() =>
        GoldenFile.Verify("diff.txt", string.Join('\n', HistoryCommands.DiffLines(DryRun, Later)) + "\n");

    [Fact]
    public void DiffLines_SameRun_SaysNothingChanged()
    {
        var lines = HistoryCommands.DiffLines(DryRun, DryRun).Skip(1);

        lines.ShouldBe(["newly planned deletes: 0", "lost protection: 0", "gained protection: 0", "deleted: 0"]);
    }
}
