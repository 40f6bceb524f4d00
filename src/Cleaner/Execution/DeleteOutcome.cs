namespace OciCleanup.Cleaner.Execution;

/// <summary>What happened to one planned delete. Expected outcomes are values, not exceptions.</summary>
internal abstract record DeleteOutcome(string Result, string? Detail)
{
    public sealed record Deleted() : DeleteOutcome("deleted", null);

    public sealed record AlreadyGone() : DeleteOutcome("skipped", "already gone");

    public sealed record Skipped(string Why) : DeleteOutcome("skipped", Why);

    public sealed record Failed(string Why) : DeleteOutcome("failed", Why);
}
