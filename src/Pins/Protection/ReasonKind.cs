namespace OciCleanup.Pins.Protection;

/// <summary>The reason kinds of the report (SPEC §8) that say why something is protected.</summary>
public static class ReasonKind
{
    /// <summary>A line of a pins file.</summary>
    public const string Pin = "pin";

    /// <summary>A live workload (Pod, Deployment, StatefulSet, DaemonSet, Job, CronJob).</summary>
    public const string Workload = "workload";

    /// <summary>A rollback target: an old ReplicaSet or ControllerRevision.</summary>
    public const string ReplicaSetHistory = "replicaset-history";

    /// <summary>An active Flux HelmRelease.</summary>
    public const string HelmRelease = "helmrelease";

    /// <summary>A suspended Flux HelmRelease: it will run this when resumed.</summary>
    public const string HelmReleaseSuspended = "helmrelease-suspended";

    /// <summary>A tag or digest a Flux ImagePolicy tracks.</summary>
    public const string ImagePolicy = "imagepolicy";

    /// <summary>An image a Flux Kustomization's <c>spec.images</c> sets, suspended or not.</summary>
    public const string Kustomization = "kustomization";

    /// <summary>A manifest a kept multi-arch index needs.</summary>
    public const string IndexChild = "index-child";

    /// <summary>A signature, attestation or referrer tag (<c>sha256-&lt;hex&gt;[.sig|.att|.sbom]</c>) of a kept manifest.</summary>
    public const string Artifact = "artifact";

    /// <summary>Another tag of a kept manifest: deleting it frees no byte and loses the name of the build.</summary>
    public const string SameManifest = "same-manifest";

    /// <summary>An artifact a Flux source pulls from an OCI registry (OCIRepository, OCI chart).</summary>
    public const string FluxSource = "flux-source";

    /// <summary>A file of a Git source (SPEC §5c): what Flux will apply (HEAD), or what a revert brings back (history).</summary>
    public const string Git = "git";
}
