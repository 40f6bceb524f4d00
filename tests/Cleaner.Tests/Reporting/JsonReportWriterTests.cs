using System.Text.Json;
using OciCleanup.Cleaner.Execution;

namespace OciCleanup.Cleaner.Tests.Reporting;

/// <summary>The JSON report is a stable contract (SPEC §8): field names and shapes other tools read.</summary>
public class JsonReportWriterTests
{
    private static JsonElement Render(RunMode mode, ImmutableDictionary<VersionKey, DeleteOutcome> outcomes, string? blocked = null)
    {
        var staging = Some.Version("staging", 3);
        var old = Some.Version("0.1.3", 90);
        var plan = new Plan([
            new Decision(staging, DecisionAction.Keep, [new Reason(ReasonKind.Pin, new PinsLineOrigin("/etc/registry-pins.txt", 3))]),
            new Decision(old, DecisionAction.Delete, [new Reason(Reason.Retention, new RetentionOrigin("older than 14 days"))]),
        ]);
        var sources = ProtectedSet.Merge([SourceResult.Ok("pins:/etc/registry-pins.txt", []), SourceResult.Failed("cluster:armer", "HTTP 403")]);
        var facts = RunFacts.Empty(mode, Some.Now, Some.Now.AddSeconds(4)) with
        {
            InventorySources = [SourceResult.Ok("registry:main", [])],
            ProtectedSet = sources,
            Plan = plan,
            Outcomes = outcomes,
            BlockedReason = blocked,
        };
        var report = ReportBuilder.Build(facts);
        return JsonDocument.Parse(JsonReportWriter.Write(report)).RootElement;
    }

    private static string[] Keys(JsonElement o) => [.. o.EnumerateObject().Select(p => p.Name)];

    [Fact]
    public void Write_DryRun_HasExactlyTheSpecFields()
    {
        var json = Render(RunMode.DryRun, ImmutableDictionary<VersionKey, DeleteOutcome>.Empty, blocked: "reference source failed: cluster:armer: HTTP 403");

        // SPEC §8's fields in its order; `warnings` added since (always present, empty when none).
        Keys(json).ShouldBe(["schemaVersion", "mode", "startedAt", "finishedAt", "sources", "decisions", "summary", "warnings"]);
        json.GetProperty("warnings").GetArrayLength().ShouldBe(0);
        json.GetProperty("schemaVersion").GetInt32().ShouldBe(1);
        json.GetProperty("mode").GetString().ShouldBe("dry-run");
        json.GetProperty("startedAt").GetString().ShouldBe("2026-06-02T02:00:00Z");
        json.GetProperty("finishedAt").GetString().ShouldBe("2026-06-02T02:00:04Z");
        var decision = json.GetProperty("decisions")[0];
        Keys(decision).ShouldBe(["registry", "owner", "type", "package", "version", "digest", "createdAt", "action", "reasons"]);
        decision.GetProperty("action").GetString().ShouldBe("keep");
        decision.GetProperty("digest").GetString()!.ShouldStartWith("sha256:");
        // `origin` added since: the detail as data, which `history`, `report` and `diff` read back.
        Keys(decision.GetProperty("reasons")[0]).ShouldBe(["kind", "detail", "origin"]);
        decision.GetProperty("reasons")[0].GetProperty("detail").GetString().ShouldBe("/etc/registry-pins.txt:3");
        var origin = decision.GetProperty("reasons")[0].GetProperty("origin");
        Keys(origin).ShouldBe(["type", "file", "line"]);
        (origin.GetProperty("type").GetString(), origin.GetProperty("file").GetString(), origin.GetProperty("line").GetInt32()).ShouldBe(("pins", "/etc/registry-pins.txt", 3));
        var failed = json.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "cluster:armer");
        Keys(failed).ShouldBe(["name", "status", "error"]);
        var ok = json.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "pins:/etc/registry-pins.txt");
        Keys(ok).ShouldBe(["name", "status", "references"]);
        var summary = json.GetProperty("summary");
        Keys(summary).ShouldBe(["versions", "keep", "delete", "deleted", "failed", "blocked", "blockedReason"]);
        summary.GetProperty("blocked").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public void Write_NotBlocked_BlockedReasonIsNullNotMissing()
    {
        var summary = Render(RunMode.DryRun, ImmutableDictionary<VersionKey, DeleteOutcome>.Empty).GetProperty("summary");

        summary.GetProperty("blockedReason").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void Write_DeleteMode_AddsPerItemResults()
    {
        var outcomes = ImmutableDictionary<VersionKey, DeleteOutcome>.Empty.Add(Some.Version("0.1.3", 90).Key, new DeleteOutcome.Skipped("changed since planning"));

        var json = Render(RunMode.Delete, outcomes);

        json.GetProperty("mode").GetString().ShouldBe("delete");
        var deleted = json.GetProperty("decisions")[1];
        deleted.GetProperty("result").GetString().ShouldBe("skipped");
        deleted.GetProperty("resultDetail").GetString().ShouldBe("changed since planning");
        json.GetProperty("decisions")[0].TryGetProperty("result", out _).ShouldBeFalse();
    }

    [Fact]
    public void Write_SourceWithBaselineAndAcceptedShrink_SaysBothOnItsEntry()
    {
        var facts = RunFacts.Empty(RunMode.DryRun, Some.Now, Some.Now) with
        {
            ProtectedSet = ProtectedSet.Merge([SourceResult.Ok("cluster:armer", [])]),
            Baselines = ImmutableDictionary<string, SourceBaseline>.Empty.Add("cluster:armer", new SourceBaseline(12, [])),
            Shrinks = [new ShrinkFinding("cluster:armer", 12, 0, [], Accepted: true)],
        };

        var json = JsonDocument.Parse(JsonReportWriter.Write(ReportBuilder.Build(facts))).RootElement;

        var source = json.GetProperty("sources")[0];
        Keys(source).ShouldBe(["name", "status", "references", "notes", "baseline", "shrinkAccepted"]);
        source.GetProperty("baseline").GetInt32().ShouldBe(12);
        source.GetProperty("shrinkAccepted").GetBoolean().ShouldBeTrue();
        source.GetProperty("notes")[0].GetString()!.ShouldContain("accepted with --accept-shrink");
    }

    [Fact]
    public async Task WriteAsync_ManyDecisions_StreamsTheSameBytesAsWrite()
    {
        var decisions = Enumerable.Range(0, 3_000).Select(i => new Decision(Some.Version($"1.0.{i}", 30), DecisionAction.Delete, [new Reason(Reason.Retention, new RetentionOrigin("older than 14 days"))]));
        var report = ReportBuilder.Build(RunFacts.Empty(RunMode.DryRun, Some.Now, Some.Now) with { Plan = new Plan([.. decisions]) });
        using var stream = new MemoryStream();

        await JsonReportWriter.WriteAsync(report, stream, CancellationToken.None);

        System.Text.Encoding.UTF8.GetString(stream.ToArray()).ShouldBe(JsonReportWriter.Write(report));
        JsonDocument.Parse(stream.ToArray()).RootElement.GetProperty("decisions").GetArrayLength().ShouldBe(3_000);
    }
}
