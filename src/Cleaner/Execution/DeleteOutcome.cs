namespace OciCleanup.Cleaner.Execution;

/// <summary>What happened to one planned delete. Expected outcomes are values, not exceptions.</summary>
internal abstract record DeleteOutcome(string Result, string? Detail)
{
    /// <param name="Together">Where one DELETE by digest removed several tags: which, so each line says so.</param>
    public sealed record Deleted(string? Together = null) : DeleteOutcome("deleted", Together);

    public sealed record AlreadyGone() : DeleteOutcome("skipped", "already gone");

    public sealed record Skipped(string Why) : DeleteOutcome("skipped", Why);

    public sealed record Failed(string Why) : DeleteOutcome("failed", Why);

    /// <summary>Not started: the registry's request budget is spent; the next run deletes it (GitHub, docs/configuration.md, "ghcr.io (`kind: github`)").</summary>
    public sealed record Deferred(string Why) : DeleteOutcome("skipped", $"deferred: {Why}");
}
