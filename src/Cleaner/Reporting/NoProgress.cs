namespace OciCleanup.Cleaner.Reporting;

/// <summary>Progress nobody watches: standard error is not a terminal (a timer, a CronJob, a pipe).</summary>
internal sealed class NoProgress : IRunProgress
{
    public static readonly NoProgress Instance = new();

    public void RegistryListed(string registry, int packages, int versions, string? error)
    {
    }

    public void SourceCollected(string source, int references, string? error)
    {
    }
}
