using OciCleanup.Cleaner.Execution;

namespace OciCleanup.Cleaner.Tests.Reporting;

/// <summary>
/// The run of <see cref="FixedReport.Ok"/> in delete mode: every outcome a person meets after a delete
/// run (deleted, failed, skipped because the version changed since planning, already gone), so the
/// table folds only what ended alike (0.1.6 … 0.1.8 deleted) and the JSON carries <c>result</c> and <c>resultDetail</c>.
/// </summary>
internal static class DeleteReport
{
    public const string RunId = "20260602T020000Z-d31e";

    public static RunReport Build()
    {
        var ok = FixedReport.Ok;
        var decisions = ok.Decisions.Select(d => Outcome(d) is { } o ? d with { Result = o.Result, ResultDetail = o.Detail } : d).ToList();
        return ok with
        {
            Mode = "delete",
            Decisions = [.. decisions],
            Summary = ok.Summary with
            {
                Deleted = decisions.Count(d => d.Result == "deleted"),
                Failed = decisions.Count(d => d.Result == "failed"),
            },
            RunId = RunId,
        };
    }

    // The outcomes are the executor's values, so the report says what the executor would make it say.
    private static DeleteOutcome? Outcome(DecisionEntry d) => d.Action != "delete" ? null : d.Version switch
    {
        "0.1.5" => new DeleteOutcome.Failed("HTTP 500 from DELETE /api/v1/packages/oleks/container/cms-plugins/0.1.5"),
        "0.1.4" => new DeleteOutcome.Skipped($"changed since planning: digest {d.Digest} → {Some.Digest("re-pushed 0.1.4")}, created {d.CreatedAt:O} → {Some.Now.AddHours(-1):O}"),
        "0.1.3" => new DeleteOutcome.AlreadyGone(),
        _ when d.Version.StartsWith("sha256:", StringComparison.Ordinal) => new DeleteOutcome.Failed("HTTP 403 from DELETE: the token may not delete packages"),
        _ => new DeleteOutcome.Deleted(),
    };
}
