namespace OciCleanup.Cleaner.Configuration;

/// <summary>A cluster to scan; no kubeconfig means in-cluster config, then ~/.kube/config.</summary>
internal sealed record ClusterConfig(string Name, string? Kubeconfig, string? Context)
{
    /// <summary>Lists in flight to one cluster's API server unless <c>concurrency</c> says otherwise.</summary>
    public const int DefaultConcurrency = 4;

    /// <summary>The most <c>concurrency</c> may be for a cluster.</summary>
    public const int MaxConcurrency = 16;

    /// <summary>Kinds listed at once (each list still reads its pages one after another, as continue tokens require).</summary>
    public int Concurrency { get; init; } = DefaultConcurrency;
}

internal sealed record SafetyConfig(
    bool FailClosed = true,
    int MaxDeletes = 500,
    double MaxDeleteFraction = 0.5,
    double MaxProtectedShrink = 0.5,
    string StateDir = "/var/lib/oci-cleanup",
    int PlanMaxAgeHours = SafetyConfig.DefaultPlanMaxAgeHours)
{
    public const int DefaultPlanMaxAgeHours = 24;
}

internal sealed record ReportConfig(string? AuditLog, string? MetricsFile, int HistoryRuns = ReportConfig.DefaultHistoryRuns, bool Sizes = false)
{
    public const int DefaultHistoryRuns = 60;

    public const int MaxHistoryRuns = 10_000;
}

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
