using OciCleanup.Pins.Kubernetes;
using System.Collections.Immutable;

namespace OciCleanup.Cleaner.Configuration;

/// <summary>The whole configuration file (docs/configuration.md, "The configuration file").</summary>
internal sealed record CleanerConfig(
    string Path,
    RunMode Mode,
    string Schedule,
    ImmutableArray<RegistryConfig> Registries,
    ImmutableArray<string> PinsFiles,
    ImmutableArray<ClusterConfig> Clusters,
    ReferenceKinds References,
    RetentionConfig Retention,
    SafetyConfig Safety,
    ReportConfig Report,
    DaemonConfig Daemon)
{
    /// <summary>Every night at 03:30 unless <c>schedule</c> says otherwise (a Quartz cron expression).</summary>
    public const string DefaultSchedule = "0 30 3 * * ?";

    /// <summary><c>references.unknownHosts</c>.</summary>
    public UnknownHosts UnknownHosts { get; init; } = UnknownHosts.Protect;

    /// <summary><c>git</c>: GitOps repositories read as reference sources (docs/references.md, "Git sources").</summary>
    public ImmutableArray<GitConfig> Git { get; init; } = [];

    /// <summary><c>references.rollback</c> (docs/references.md, "Rollback window").</summary>
    public RollbackConfig Rollback { get; init; } = RollbackConfig.Default;
}
