using OciCleanup.Cleaner.Planning;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>
/// A reason in words for a person: <c>pinned by /etc/registry-pins.txt:3</c>, <c>used by Deployment
/// kotkan/cms-plugins-staging in armer</c>. The JSON keeps kind and detail; every other format says this,
/// from the reason's origin.
/// </summary>
internal static class ReasonText
{
    public static string Of(ReasonEntry reason) => reason.Kind switch
    {
        ReasonKind.Pin => $"pinned by {reason.Detail}",
        ReasonKind.Workload => Live("used by", reason),
        ReasonKind.ReplicaSetHistory => Live("rollback target of", reason),
        ReasonKind.HelmRelease => Live("set by", reason),
        ReasonKind.HelmReleaseSuspended => Live("set by suspended", reason) + ", runs when resumed",
        ReasonKind.ImagePolicy => Live("tracked by", reason),
        ReasonKind.Kustomization => Live("set by", reason),
        ReasonKind.FluxSource => Live("pulled by", reason),
        ReasonKind.Git => $"set in git {reason.Detail}",
        ReasonKind.Rollback => $"rollback window: {reason.Detail}",
        ReasonKind.IndexChild => $"needed by kept index {reason.Detail}",
        ReasonKind.Artifact => $"signature/attestation of kept {reason.Detail}",
        ReasonKind.SameManifest => $"same manifest as kept {reason.Detail}",
        Reason.Grace => $"too new to delete ({reason.Detail})",
        Reason.KeepTag => $"tag matches keepTags {reason.Detail}",
        Reason.KeepLast => reason.Origin is RankOrigin rank ? $"newest {rank.Of} (#{rank.Rank})" : reason.Detail,
        Reason.KeepWithin => reason.Detail,
        Reason.RemoveTag => $"tag matches removeTags {reason.Detail}",
        Reason.Retention => $"retention: {reason.Detail}",
        Reason.Untagged => reason.Detail,
        _ => $"{reason.Kind}: {reason.Detail}",
    };

    /// <summary>All reasons of a decision, joined for one cell.</summary>
    public static string Join(DecisionEntry decision) => string.Join("; ", decision.Reasons.Select(Of));

    /// <summary>A cluster object's reason: <c>Deployment kotkan/web in armer, app (extra)</c>.</summary>
    private static string Live(string verb, ReasonEntry reason) => reason.Origin is ClusterObjectOrigin origin
        ? $"{verb} {origin.Named}{(origin.Container is null ? "" : ", " + origin.Container)}{origin.Notes}"
        : $"{verb} {reason.Detail}";
}
