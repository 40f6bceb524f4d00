using OciCleanup.Pins;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Planning;

/// <summary>
/// What a kept manifest needs stays (SPEC §6): the children of a kept index (nested indexes too);
/// the signatures, attestations and referrers tagged <c>sha256-&lt;hex&gt;[.sig|.att|…]</c> of a kept
/// digest; and, where the registry can only delete by digest, every tag sharing a kept digest.
/// One worklist over lookups built once per package: each decision enters the list once, when it
/// becomes kept (STYLE: index once, then look up), so the cost is linear in versions and edges.
/// </summary>
internal static class KeptManifestClosure
{
    public static List<Decision> Apply(List<Decision> decisions, bool deletesByDigest)
    {
        var byDigest = new Dictionary<Digest, List<int>>();
        var artifactsOf = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < decisions.Count; i++)
        {
            var version = decisions[i].Version;
            if (version.Digest is { } digest)
            {
                Add(byDigest, digest, i);
            }

            if (Planner.ArtifactSubject(version.Version) is { } subject)
            {
                Add(artifactsOf, subject, i);
            }
        }

        var work = new Queue<int>(Enumerable.Range(0, decisions.Count).Where(i => decisions[i].Action == DecisionAction.Keep));
        while (work.TryDequeue(out var at))
        {
            var kept = decisions[at].Version;
            foreach (var child in kept.IndexChildren)
            {
                var holders = byDigest.GetValueOrDefault(child) ?? [];
                // A `sha256:` version holding the child suffices; otherwise every holder stays, since
                // deleting the last one breaks the index.
                var byName = holders.Where(h => decisions[h].Version.Version == child.ToString()).ToList();
                foreach (var holder in byName.Count > 0 ? byName : holders)
                {
                    Keep(decisions, work, holder, new Reason(ReasonKind.IndexChild, $"{kept.Version} ({kept.Digest})"), evenIfKept: true);
                }
            }

            if (kept.Digest is not { } keptDigest)
            {
                continue;
            }

            foreach (var artifact in artifactsOf.GetValueOrDefault(keptDigest.Hex) ?? [])
            {
                Keep(decisions, work, artifact, new Reason(ReasonKind.IndexChild, $"signature/attestation of kept {kept.Version} ({kept.Digest})"), evenIfKept: false);
            }

            if (deletesByDigest)
            {
                var why = decisions[at].MainReason;
                foreach (var sibling in byDigest.GetValueOrDefault(keptDigest) ?? [])
                {
                    Keep(decisions, work, sibling, new Reason(why.Kind, $"same manifest as kept {kept.Version} ({why.Detail}); the registry deletes only by digest"), evenIfKept: false);
                }
            }
        }

        return decisions;
    }

    private static void Keep(List<Decision> decisions, Queue<int> work, int at, Reason reason, bool evenIfKept)
    {
        var decision = decisions[at];
        var wasDelete = decision.Action == DecisionAction.Delete;
        if ((!wasDelete && !evenIfKept) || decision.Reasons.Contains(reason))
        {
            return;
        }

        decisions[at] = decision with { Action = DecisionAction.Keep, Reasons = [reason, .. decision.Reasons] };
        if (wasDelete)
        {
            work.Enqueue(at);
        }
    }

    private static void Add<TKey>(Dictionary<TKey, List<int>> map, TKey key, int value)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }
}
