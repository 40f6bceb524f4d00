using System.Collections.Frozen;
using System.Collections.Immutable;

namespace OciCleanup.Pins.Protection;

/// <summary>
/// The closed list of the report's reason kinds: what protects a version (pins, cluster, git, rollback,
/// what a kept manifest needs) and what retention decides. <see cref="All"/> holds every one.
/// </summary>
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

    /// <summary>A line of a file in a git repository.</summary>
    public const string Git = "git";

    /// <summary>What a workload ran before, kept within the rollback window.</summary>
    public const string Rollback = "rollback";

    /// <summary>Too new to delete (minAgeHours, untaggedAfterDays).</summary>
    public const string Grace = "grace";

    /// <summary>A tag matching keepTags.</summary>
    public const string KeepTag = "keep-tag";

    /// <summary>Among the newest builds keepLast keeps.</summary>
    public const string KeepLast = "keep-last";

    /// <summary>Pushed within keepWithinDays.</summary>
    public const string KeepWithin = "keep-within";

    /// <summary>A tag matching removeTags: deleted.</summary>
    public const string RemoveTag = "remove-tag";

    /// <summary>Older than retention keeps: deleted.</summary>
    public const string Retention = "retention";

    /// <summary>Untagged and needed by no kept index: deleted.</summary>
    public const string Untagged = "untagged";

    /// <summary>Every kind, keeps first, in the order the report's documentation lists them.</summary>
    public static ImmutableArray<string> All { get; } =
    [
        Pin, Workload, ReplicaSetHistory, HelmRelease, HelmReleaseSuspended, ImagePolicy, Kustomization, FluxSource, Git, Rollback,
        IndexChild, Artifact, SameManifest, Grace, KeepTag, KeepLast, KeepWithin, RemoveTag, Retention, Untagged,
    ];

    private static readonly FrozenSet<string> Known = All.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="kind"/> is one of <see cref="All"/>.</summary>
    public static bool IsKnown(string? kind) => kind is not null && Known.Contains(kind);

    /// <summary>The kind itself; throws for one not in the list (a bug: every kind is a constant here).</summary>
    public static string Checked(string kind) =>
        IsKnown(kind) ? kind : throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a reason kind of the report");
}
