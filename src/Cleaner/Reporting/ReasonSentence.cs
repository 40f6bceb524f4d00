using OciCleanup.Cleaner.Planning;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>A reason as a sentence for <c>explain</c>: who or what keeps (or deletes) the version, and why.</summary>
internal static class ReasonSentence
{
    public static string Of(ReasonEntry reason)
    {
        var origin = LiveOrigin.TryParse(reason.Detail);
        var obj = origin is null ? reason.Detail : $"the {origin.Kind} {origin.Namespace}/{origin.Name} in cluster {origin.Cluster}";
        var at = origin?.Where is { } where ? $" (at {where})" : "";
        var note = origin?.Note is { } n ? $" ({n})" : "";
        return reason.Kind switch
        {
            ReasonKind.Pin => Pin(reason.Detail),
            ReasonKind.Workload => $"It is used by {obj}{at}{note}.",
            ReasonKind.ReplicaSetHistory => $"It is a rollback target: {obj}{at} still names it{note}.",
            ReasonKind.HelmRelease => $"It is set by {obj}{at}{note}.",
            ReasonKind.HelmReleaseSuspended => $"It is set by {obj}{at}{note}, which is suspended: it will run this image when it is resumed.",
            ReasonKind.ImagePolicy => $"It is tracked by {obj}{note}: Flux would roll it out.",
            ReasonKind.Kustomization => $"It is set in spec.images of {obj}{note}.",
            ReasonKind.FluxSource => $"It is pulled as an artifact by {obj}{note}.",
            Rollback.RollbackReasons.Kind => $"It is kept for rollback (references.rollback): it {reason.Detail}, and the cluster itself may no longer remember it.",
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

    private static string Pin(string detail)
    {
        var colon = detail.LastIndexOf(':');
        return colon > 0 && int.TryParse(detail[(colon + 1)..], out var line)
            ? $"It is pinned by line {line} of the pins file {detail[..colon]}."
            : $"It is pinned by {detail}.";
    }
}
