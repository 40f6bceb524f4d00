using k8s;
using k8s.KubeConfigModels;
using Microsoft.Extensions.Logging;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Pins.Kubernetes;

namespace OciCleanup.Cleaner.Commands;

/// <summary>One reference source per configured cluster, connected through its kubeconfig or in-cluster config.</summary>
internal static class ClusterSources
{
    private static readonly YamlDotNet.Serialization.IDeserializer KubeconfigReader = new YamlDotNet.Serialization.DeserializerBuilder()
        .WithNamingConvention(YamlDotNet.Serialization.NamingConventions.CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    public static IEnumerable<NamedSource> Create(CleanerConfig config, ILoggerFactory loggers, TimeProvider clock) =>
        config.Clusters.Select(c => new NamedSource($"cluster:{c.Name}", new ClusterReferenceSource(c.Name, () => Connect(c, clock), config.References, loggers.CreateLogger<ClusterReferenceSource>(), c.Concurrency, ReadBounds.ClusterListTimeout)));

    /// <summary>A kubeconfig (with optional context) when given; otherwise in-cluster config, else ~/.kube/config.</summary>
    private static Kubernetes Connect(ClusterConfig cluster, TimeProvider clock)
    {
        var configuration = cluster.Kubeconfig is not null
            ? Kubeconfig(cluster.Kubeconfig, cluster.Context)
            : KubernetesClientConfiguration.IsInCluster()
                ? KubernetesClientConfiguration.InClusterConfig()
                : KubernetesClientConfiguration.BuildConfigFromConfigFile(currentContext: cluster.Context);
        // Outermost, so the body a caller reads is bounded whatever the retries did before it.
        return new Kubernetes(configuration, new BoundedBodyHandler(ReadBounds.ClusterResponseBytes, ReadBounds.BodyTimeout, clock), HttpResilience.CreateHandler());
    }

    /// <summary>
    /// A kubeconfig file read with a plain YAML deserializer, its relative paths (certificates, keys)
    /// taken from its own folder as kubectl does. KubernetesClient's own loader goes through its
    /// <c>KubernetesYaml</c>, whose first use registers every Kubernetes model type with YamlDotNet:
    /// about 40 MB of memory, a sixth of the CronJob's budget, to read a file of a few lines.
    /// </summary>
    internal static KubernetesClientConfiguration Kubeconfig(string path, string? context)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"kubeconfig file not found at {full}", full);
        }

        var config = KubeconfigReader.Deserialize<K8SConfiguration?>(File.ReadAllText(full)) ?? throw new InvalidDataException($"kubeconfig {full} is empty");
        config.FileName = full;
        return KubernetesClientConfiguration.BuildConfigFromConfigObject(config, context);
    }

}
