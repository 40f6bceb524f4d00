namespace OciCleanup.Cleaner.Reporting;

/// <summary>What a decision means for a person, given the run: a blocked run's deletes are "would delete — blocked".</summary>
internal static class ActionText
{
    public const string Blocked = "would delete — blocked";

    public static string Of(DecisionEntry decision, RunReport report) => (decision.Action, decision.Result) switch
    {
        ("keep", _) => "keep",
        (_, "deleted") => "deleted",
        (_, "failed") => "delete failed",
        (_, "skipped") => "delete skipped",
        (_, { } other) => $"delete {other}",
        _ when report.Summary.Blocked => Blocked,
        _ when report.Mode == "dry-run" => "would delete",
        _ => "delete",
    };

    /// <summary>The CSS class and filter value: keep, delete or blocked.</summary>
    public static string Class(DecisionEntry decision, RunReport report) =>
        decision.Action == "keep" ? "keep" : decision.Result is null && report.Summary.Blocked ? "blocked" : "delete";
}
