using OciCleanup.Cleaner.Planning;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>A reason as a sentence for <c>explain</c>: who or what keeps (or deletes) the version, and why.</summary>
internal static class ReasonSentence
{
    public static string Of(ReasonEntry reason)
    {
        var live = reason.Origin as ClusterObjectOrigin;
        var obj = live is null ? reason.Detail : $"the {live.Kind} {live.NamespaceText}/{live.Name} in cluster {live.Cluster}";
        var at = live?.Container is { } where ? $" (at {where})" : "";
        var note = live?.Notes ?? "";
        return reason.Kind switch
        {
            ReasonKind.Pin => reason.Origin is PinsLineOrigin pin ? $"It is pinned by line {pin.Line} of the pins file {pin.File}." : $"It is pinned by {reason.Detail}.",
            ReasonKind.Workload => $"It is used by {obj}{at}{note}.",
            ReasonKind.ReplicaSetHistory => $"It is a rollback target: {obj}{at} still names it{note}.",
            ReasonKind.HelmRelease => $"It is set by {obj}{at}{note}.",
            ReasonKind.HelmReleaseSuspended => $"It is set by {obj}{at}{note}, which is suspended: it will run this image when it is resumed.",
            ReasonKind.ImagePolicy => $"It is tracked by {obj}{note}: Flux would roll it out.",
            ReasonKind.Kustomization => $"It is set in spec.images of {obj}{note}.",
            ReasonKind.FluxSource => $"It is pulled as an artifact by {obj}{note}.",
            ReasonKind.Git => reason.Origin is GitOrigin git
                ? $"It is named at line {git.Line} of {git.Path} in the git source {git.Source}, commit {git.ShortCommit}{(git.AtHead ? " (the branch head)" : " (an earlier commit)")}."
                : $"It is named in git by {reason.Detail}.",
            ReasonKind.Rollback => reason.Origin is RollbackOrigin rollback
                ? $"It is a rollback target: the {rollback.Kind} {rollback.Namespace}/{rollback.Name} in cluster {rollback.Cluster} ran it until {rollback.Day}, {Plural.Of(rollback.DeploysBack, "deploy")} back."
                : $"It is a rollback target: {reason.Detail}.",
            ReasonKind.IndexChild => $"A kept index needs it: {reason.Detail}.",
            ReasonKind.Artifact => $"It is a signature, attestation or referrer of the kept {reason.Detail}.",
            ReasonKind.SameManifest => $"It is another tag of the kept {reason.Detail}: deleting it would free no byte and lose the name of that build.",
            Reason.Grace => $"It is too new to delete: {reason.Detail}.",
            Reason.KeepTag => $"Its tag matches the keepTags pattern {reason.Detail}.",
            Reason.KeepLast => $"Retention keeps it as {reason.Detail}.",
            Reason.KeepWithin => $"Retention keeps it: {reason.Detail}.",
            Reason.RemoveTag => $"Its tag matches the removeTags pattern {reason.Detail}, so retention deletes it.",
            Reason.Retention => $"Retention deletes it: {reason.Detail}.",
            Reason.Untagged => $"Retention deletes it: {reason.Detail}.",
            _ => $"{reason.Kind}: {reason.Detail}.",
        };
    }
}
