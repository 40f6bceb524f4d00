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
