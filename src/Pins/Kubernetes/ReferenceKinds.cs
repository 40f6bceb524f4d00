namespace OciCleanup.Pins.Kubernetes;

/// <summary>Which kinds of live reference a cluster scan collects (<c>references</c>, docs/references.md, "Live references (clusters)"); all on by default.</summary>
/// <param name="Workloads">Pods, Deployments, StatefulSets, DaemonSets, Jobs, CronJobs, active ReplicaSets.</param>
/// <param name="ReplicaSetHistory">Old ReplicaSets and ControllerRevisions: rollback targets.</param>
/// <param name="HelmReleases">Flux HelmReleases, suspended ones included, and their OCI chart sources.</param>
/// <param name="HelmReleaseSecrets">Images in the retained Helm release manifests (needs Secret read access).</param>
/// <param name="ImagePolicies">Flux ImagePolicy floating tags and resolved digests.</param>
/// <param name="Kustomizations">Flux Kustomization <c>spec.images</c>, suspended ones included.</param>
public sealed record ReferenceKinds(
    bool Workloads = true,
    bool ReplicaSetHistory = true,
    bool HelmReleases = true,
    bool HelmReleaseSecrets = true,
    bool ImagePolicies = true,
    bool Kustomizations = true);
