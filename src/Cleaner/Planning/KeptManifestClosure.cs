using OciCleanup.Pins;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Planning;

/// <summary>
/// What a kept manifest needs stays (docs/configuration.md, "Delete mode, multi-arch images and OCI registries"): the children of a kept index (nested indexes too);
/// the signatures, attestations and referrers tagged <c>sha256-&lt;hex&gt;[.sig|.att|…]</c> of a kept
/// digest (<c>artifact</c>); and every tag sharing a kept digest (<c>same-manifest</c>), save a removeTags
/// match where the registry deletes tags one by one.
/// One worklist over lookups built once per package: each decision enters the list once, when it
/// becomes kept (STYLE: index once, then look up), so the cost is linear in versions and edges.
/// </summary>
internal static class KeptManifestClosure
{
    public static List<Decision> Apply(List<Decision> decisions, bool deletesByDigest)
    {
        var byDigest = new Chains<Digest>(decisions.Count, EqualityComparer<Digest>.Default);
        var artifactsOf = new Chains<string>(decisions.Count, StringComparer.Ordinal);
        for (var i = 0; i < decisions.Count; i++)
        {
            var version = decisions[i].Version;
            if (version.Digest is { } digest)
            {
                byDigest.Add(digest, i);
            }

            if (Planner.ArtifactSubject(version.Version) is { } subject)
            {
                artifactsOf.Add(subject, i);
            }
        }

        var work = new Queue<int>();
        for (var i = 0; i < decisions.Count; i++)
        {
            if (decisions[i].Action == DecisionAction.Keep)
            {
                work.Enqueue(i);
            }
        }

        while (work.TryDequeue(out var at))
        {
            var kept = decisions[at].Version;
            var asChild = kept.IndexChildren.IsEmpty ? null : new Reason(ReasonKind.IndexChild, new DerivedOrigin(kept.Version, kept.Digest));
            foreach (var child in kept.IndexChildren)
            {
                var holders = byDigest[child].ToList();
                // A `sha256:` version holding the child suffices; otherwise every holder stays, since
                // deleting the last one breaks the index.
                var name = child.ToString();
                var byName = holders.FindAll(h => decisions[h].Version.Version == name);
                foreach (var holder in byName.Count > 0 ? byName : holders)
                {
                    Keep(decisions, work, holder, asChild!, evenIfKept: true);
                }
            }

            if (kept.Digest is not { } keptDigest)
            {
                continue;
            }

            var of = new DerivedOrigin(kept.Version, keptDigest);
            foreach (var artifact in artifactsOf[keptDigest.Hex])
            {
                Keep(decisions, work, artifact, new Reason(ReasonKind.Artifact, of), evenIfKept: false);
            }

            // Deleting another tag of a kept manifest frees no byte and loses the name that says which
            // build it is. Only removeTags asks for that, and only a registry that deletes tags one by
            // one can honour it: deleting by digest would take the kept tag with it.
            foreach (var sibling in byDigest[keptDigest])
            {
                if (deletesByDigest || decisions[sibling].MainReason.Kind != Reason.RemoveTag)
                {
                    Keep(decisions, work, sibling, new Reason(ReasonKind.SameManifest, of), evenIfKept: false);
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

    /// <summary>
    /// The decisions under each key, in order, without a list per key: the first and last position per
    /// key and, per position, the next one with the same key (most keys have one version).
    /// </summary>
    private sealed class Chains<TKey>(int positions, IEqualityComparer<TKey> comparer)
        where TKey : notnull
    {
        private readonly Dictionary<TKey, (int First, int Last)> _ends = new(positions, comparer);
        private readonly int[] _next = new int[positions];

        public IEnumerable<int> this[TKey key]
        {
            get
            {
                for (var at = _ends.TryGetValue(key, out var ends) ? ends.First : -1; at >= 0; at = _next[at])
                {
                    yield return at;
                }
            }
        }

        public void Add(TKey key, int position)
        {
            _next[position] = -1;
            ref var ends = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_ends, key, out var exists);
            if (exists)
            {
                _next[ends.Last] = position;
                ends.Last = position;
            }
            else
            {
                ends = (position, position);
            }
        }
    }
}
