namespace OciCleanup.Cleaner.Configuration;

/// <summary>
/// <c>references.rollback</c> (docs/references.md, "Rollback window"): how many deploys back each source object can roll back to,
/// and for how long after it stopped naming an image. <c>keep: 0</c> turns the window off.
/// </summary>
internal sealed record RollbackConfig(int Keep, int Days)
{
    public const int DefaultKeep = 3;
    public const int MaxKeep = 50;
    public const int DefaultDays = 30;
    public const int MaxDays = 3650;

    public static RollbackConfig Default { get; } = new(DefaultKeep, DefaultDays);

    public bool IsOn => Keep > 0;

    public TimeSpan Span => TimeSpan.FromDays(Days);
}
