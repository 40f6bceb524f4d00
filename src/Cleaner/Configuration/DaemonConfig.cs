namespace OciCleanup.Cleaner.Configuration;

/// <summary>Daemon-only settings: where the health and metrics endpoint listens; how long one run may take.</summary>
internal sealed record DaemonConfig(string Listen = "127.0.0.1:9465")
{
    /// <summary>Far above any sound run (minutes at 100k versions), far below a day of schedules missed behind a hung one.</summary>
    public static readonly TimeSpan DefaultRunTimeout = TimeSpan.FromHours(6);

    public static readonly TimeSpan MinRunTimeout = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxRunTimeout = TimeSpan.FromDays(7);

    /// <summary>A run still going after this is cancelled, counted as failed, and its lock freed for the next.</summary>
    public TimeSpan RunTimeout { get; init; } = DefaultRunTimeout;
}
