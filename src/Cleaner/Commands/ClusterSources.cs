using Microsoft.Extensions.Logging;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Commands;

/// <summary>One reference source per configured cluster.</summary>
internal static class ClusterSources
{
    public static IEnumerable<IReferenceSource> Create(CleanerConfig config, ILoggerFactory loggers)
    {
        _ = loggers;
        return config.Clusters.Select(c => (IReferenceSource)new UnscannedCluster(c.Name));
    }

    /// <summary>Until cluster scanning lands, a configured cluster is a source that failed: fail closed.</summary>
    private sealed class UnscannedCluster(string name) : IReferenceSource
    {
        public Task<SourceResult> CollectAsync(CancellationToken cancellationToken) =>
            Task.FromResult(SourceResult.Failed($"cluster:{name}", "cluster scanning is not available in this build"));
    }
}
