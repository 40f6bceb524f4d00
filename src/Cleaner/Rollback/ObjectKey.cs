namespace OciCleanup.Cleaner.Rollback;

/// <summary>
/// A source object whose images the rollback window follows: cluster <c>armer</c>, <c>kotkan/Deployment/api</c>.
/// Stable across deploys (a Deployment, a Helm release), unlike the ReplicaSets and Pods it makes.
/// </summary>
/// <param name="Cluster">The cluster's configured name.</param>
/// <param name="Namespace">The object's namespace, <c>-</c> for none.</param>
/// <param name="Kind">The object's kind, e.g. <c>Deployment</c>.</param>
/// <param name="Name">The object's name.</param>
internal sealed record ObjectKey(string Cluster, string Namespace, string Kind, string Name)
{
    /// <summary>The key as stored and shown: <c>armer kotkan/Deployment/api</c>.</summary>
    public override string ToString() => $"{Cluster} {Namespace}/{Kind}/{Name}";
}
