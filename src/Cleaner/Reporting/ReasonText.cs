using System.Text.RegularExpressions;
using OciCleanup.Cleaner.Planning;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>
/// A reason in words for a person: <c>pinned by /etc/registry-pins.txt:3</c>, <c>used by Deployment
/// kotkan/cms-plugins-staging in armer</c>. The JSON keeps kind and detail; every other format says this.
/// </summary>
internal static partial class ReasonText
{
    public static string Of(ReasonEntry reason) => reason.Kind switch
    {
        ReasonKind.Pin => $"pinned by {reason.Detail}",
        ReasonKind.Workload => Live("used by", reason.Detail),
        ReasonKind.ReplicaSetHistory => Live("rollback target of", reason.Detail),
        ReasonKind.HelmRelease => Live("set by", reason.Detail),
        ReasonKind.HelmReleaseSuspended => Live("set by suspended", reason.Detail) + ", runs when resumed",
        ReasonKind.ImagePolicy => Live("tracked by", reason.Detail),
        ReasonKind.Kustomization => Live("set by", reason.Detail),
        ReasonKind.FluxSource => Live("pulled by", reason.Detail),
        ReasonKind.Git => GitText(reason.Detail),
        ReasonKind.IndexChild => $"needed by kept index {reason.Detail}",
        ReasonKind.Artifact => $"signature/attestation of kept {reason.Detail}",
        ReasonKind.SameManifest => $"same manifest as kept {reason.Detail}",
        Reason.Grace => $"too new to delete ({reason.Detail})",
        Reason.KeepTag => $"tag matches keepTags {reason.Detail}",
        Reason.KeepLast => NewestRank().Match(reason.Detail) is { Success: true } m ? $"newest {m.Groups["n"].Value} (#{m.Groups["rank"].Value})" : reason.Detail,
        Reason.KeepWithin => reason.Detail,
        Reason.RemoveTag => $"tag matches removeTags {reason.Detail}",
        Reason.Retention => $"retention: {reason.Detail}",
        Reason.Untagged => reason.Detail,
        _ => $"{reason.Kind}: {reason.Detail}",
    };

    // infra@abc1234:apps/api.yaml:12 (HEAD) → what Flux applies next; (history) → what a revert brings back.
    private static string GitText(string detail) =>
        detail.EndsWith(Pins.Git.GitReason.AtHead, StringComparison.Ordinal) ? $"named in Git at HEAD by {detail[..^Pins.Git.GitReason.AtHead.Length]} (Flux applies it next)"
        : detail.EndsWith(Pins.Git.GitReason.InHistory, StringComparison.Ordinal) ? $"named in Git history by {detail[..^Pins.Git.GitReason.InHistory.Length]} (a revert brings it back)"
        : $"named in Git by {detail}";

    /// <summary>All reasons of a decision, joined for one cell.</summary>
    public static string Join(DecisionEntry decision) => string.Join("; ", decision.Reasons.Select(Of));

    /// <summary><c>armer/kotkan/Deployment/web/app (extra)</c> → <c>Deployment kotkan/web in armer, app (extra)</c>.</summary>
    private static string Live(string verb, string detail) => LiveOrigin.TryParse(detail) is { } origin
        ? $"{verb} {origin.Object}{(origin.Where is null ? "" : ", " + origin.Where)}{(origin.Note is null ? "" : $" ({origin.Note})")}"
        : $"{verb} {detail}";

    [GeneratedRegex(@"^#(?<rank>\d+) of the newest (?<n>\d+)")]
    private static partial Regex NewestRank();
}
