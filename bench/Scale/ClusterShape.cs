namespace OciCleanup.Bench;

/// <summary>How many objects of each kind one benchmark cluster holds.</summary>
internal sealed record ClusterShape(int Pods, int ReplicaSets, int StatefulSets, int HelmReleases, int ImagePolicies)
{
    /// <summary>Three of these are the issue 24 fleet: 10,002 Pods, 3,000 ReplicaSets, 450 HelmReleases.</summary>
    public static ClusterShape Fleet { get; } = new(3_334, 1_000, 100, 150, 100);
}
