namespace OciCleanup.Cleaner.Configuration;

/// <summary>Top-level <c>mode</c>: what a scheduled or plain <c>run</c> does with its plan.</summary>
internal enum RunMode
{
    DryRun,
    Delete,
}
