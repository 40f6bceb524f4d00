using k8s;
using Microsoft.Extensions.Logging;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Pins.Kubernetes;

namespace OciCleanup.Cleaner.Commands;

/// <summary>One reference source per configured cluster, connected through its kubeconfig or in-cluster config.</summary>
internal static class ClusterSources
{
    public static IEnumerable<NamedSource> Create(CleanerConfig config, ILoggerFactory loggers) =>
        config.Clusters.Select(c => new NamedSource($"cluster:{c.Name}", new ClusterReferenceSource(c.Name, () => Connect(c), config.References, loggers.CreateLogger<ClusterReferenceSource>(), c.Concurrency)));

    /// <summary>A kubeconfig (with optional context) when given; otherwise in-cluster config, else ~/.kube/config.</summary>
    private static Kubernetes Connect(ClusterConfig cluster)
    {
        var configuration = cluster.Kubeconfig is not null
            ? KubernetesClientConfiguration.BuildConfigFromConfigFile(cluster.Kubeconfig, cluster.Context)
            : KubernetesClientConfiguration.IsInCluster()
                ? KubernetesClientConfiguration.InClusterConfig()
                : KubernetesClientConfiguration.BuildConfigFromConfigFile(currentContext: cluster.Context);
        return new Kubernetes(configuration, HttpResilience.CreateHandler());
    }
}
