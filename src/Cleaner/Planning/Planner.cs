using System.Collections.Immutable;
using System.Runtime.InteropServices;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Cleaner.Inventory;
using OciCleanup.Pins;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Planning;

/// <summary>
/// The retention planner (docs/configuration.md, "Retention"): (inventory, protections, policy, now) → plan. Pure, total and
/// deterministic: every version gets exactly one decision; output is ordered by package, then
/// newest first. It never reads the clock and never logs.
/// </summary>
internal static class Planner
{
    /// <param name="inventory">Every version of every registry.</param>
    /// <param name="protections">What the protected set names (<see cref="ProtectionMatcher"/>).</param>
    /// <param name="retention">The policies.</param>
    /// <param name="now">The time the plan is made for.</param>
    /// <param name="deletesByDigest">Registries that can only delete a whole manifest (OCI distribution), not one tag.</param>
    public static Plan Plan(
        ImmutableArray<PackageVersion> inventory,
        ImmutableDictionary<VersionKey, ImmutableArray<Reason>> protections,
        RetentionConfig retention,
        DateTimeOffset now,
        IReadOnlySet<string>? deletesByDigest = null) =>
        Plan(new InventoryIndex(inventory), protections, retention, now, deletesByDigest);

    /// <summary>The same over an index already built (the run builds one for matcher and planner).</summary>
    public static Plan Plan(
        InventoryIndex index,
        ImmutableDictionary<VersionKey, ImmutableArray<Reason>> protections,
        RetentionConfig retention,
        DateTimeOffset now,
        IReadOnlySet<string>? deletesByDigest)
    {
        var byPackage = index.Listed;
        // By package, then by version name: each of 100k versions costs one short string hash.
        var protectedBy = new Dictionary<PackageKey, Dictionary<string, ImmutableArray<Reason>>>();
        foreach (var (key, reasons) in protections)
        {
            var package = new PackageKey(key.Registry, key.Owner, key.Type, key.Name);
            if (!protectedBy.TryGetValue(package, out var byName))
            {
                protectedBy[package] = byName = new Dictionary<string, ImmutableArray<Reason>>(StringComparer.Ordinal);
            }

            byName[key.Version] = reasons;
        }

        var decisions = new Decision[index.Count];
        var planned = 0;
        var texts = new Dictionary<RetentionPolicy, ReasonTexts>(ReferenceEqualityComparer.Instance);
        var packages = byPackage
            .OrderBy(p => p.Key.Registry, StringComparer.Ordinal)
            .ThenBy(p => p.Key.Owner, StringComparer.Ordinal)
            .ThenBy(p => p.Key.Type, StringComparer.Ordinal)
            .ThenBy(p => p.Key.Name, StringComparer.Ordinal);
        foreach (var (key, versions) in packages)
        {
            var policy = retention.For(key.Type, key.Name);
            if (!texts.TryGetValue(policy, out var policyTexts))
            {
                texts[policy] = policyTexts = new ReasonTexts(policy);
            }

            var packageDecisions = PlanPackage(versions, protectedBy.GetValueOrDefault(key), policyTexts, now, deletesByDigest?.Contains(key.Registry) == true);
            packageDecisions.CopyTo(decisions, planned);
            planned += packageDecisions.Count;
        }

        return new Plan(ImmutableCollectionsMarshal.AsImmutableArray(decisions));
    }

    private static List<Decision> PlanPackage(
        List<PackageVersion> listed,
        Dictionary<string, ImmutableArray<Reason>>? protections,
        ReasonTexts texts,
        DateTimeOffset now,
        bool deletesByDigest)
    {
        // Newest first; ties by version name with numbers compared as numbers.
        var versions = listed.ToArray();
        Array.Sort(versions, static (a, b) => b.CreatedAt.CompareTo(a.CreatedAt) is var byTime and not 0 ? byTime : NaturalOrder.Instance.Compare(a.Version, b.Version));
        var decisions = new List<Decision>(versions.Length);
        var scratch = new List<Reason>(4);
        var builds = 0;
        Dictionary<Digest, int>? buildRanks = null;
        foreach (var version in versions)
        {
            // keepLast counts builds: distinct manifests among tagged versions, so `0.1.40`,
            // `staging` and `staging-latest` on one digest take one slot and share its rank; not the
            // artifact tags that follow a subject, nor keepTags matches.
            // Each pattern is run once per version: at 100k versions a regex call is not free.
            var tagged = version.IsTagged;
            var keepTag = tagged ? FirstMatch(texts.Policy.KeepTags, version.Version) : null;
            var counts = tagged && ArtifactSubject(version.Version) is null && keepTag is null;
            var rank = counts ? BuildRank(version, ref builds, ref buildRanks) : -1;
            var reasons = RetentionReasons(scratch, version, tagged, rank, keepTag, protections?.GetValueOrDefault(version.Version, []) ?? [], texts, now);
            decisions.Add(new Decision(version, reasons[0].IsDelete ? DecisionAction.Delete : DecisionAction.Keep, reasons));
        }

        return KeptManifestClosure.Apply(decisions, deletesByDigest);
    }

    // The rank of the version's build, newest first: a digest seen before has its rank already.
    private static int BuildRank(PackageVersion version, ref int builds, ref Dictionary<Digest, int>? ranks)
    {
        if (version.Digest is not { } digest)
        {
            return builds++;
        }

        ranks ??= [];
        ref var rank = ref CollectionsMarshal.GetValueRefOrAddDefault(ranks, digest, out var seen);
        if (!seen)
        {
            rank = builds++;
        }

        return rank;
    }

    private static System.Text.RegularExpressions.Regex? FirstMatch(ImmutableArray<System.Text.RegularExpressions.Regex> patterns, string version)
    {
        foreach (var pattern in patterns)
        {
            if (pattern.IsMatch(version))
            {
                return pattern;
            }
        }

        return null;
    }

    // cosign: `sha256-<hex>.sig`, `.att`, `.sbom`; OCI referrers tag schema: `sha256-<hex>`.
    internal static string? ArtifactSubject(string tag)
    {
        if (!tag.StartsWith("sha256-", StringComparison.OrdinalIgnoreCase) || tag.Length < 7 + 64)
        {
            return null;
        }

        var hex = tag.Substring(7, 64).ToLowerInvariant();
        var rest = tag[(7 + 64)..];
        return hex.All(Uri.IsHexDigit) && (rest.Length == 0 || rest.StartsWith('.')) ? hex : null;
    }

    /// <summary>
    /// A decision's reasons, the deciding one first. The texts depend on the policy only, so they are
    /// made once per policy (<see cref="ReasonTexts"/>), and the common one-reason lists are shared:
    /// 100k decisions cost no string and, mostly, no array of their own.
    /// </summary>
    private static ImmutableArray<Reason> RetentionReasons(
        List<Reason> reasons, PackageVersion v, bool tagged, int taggedRank, System.Text.RegularExpressions.Regex? keepTag, ImmutableArray<Reason> protectedBy, ReasonTexts texts, DateTimeOffset now)
    {
        var policy = texts.Policy;
        reasons.Clear();
        foreach (var reason in protectedBy)
        {
            reasons.Add(reason);
        }

        var age = now - v.CreatedAt;
        if (age < TimeSpan.FromHours(policy.MinAgeHours))
        {
            reasons.Add(texts.Young);
        }

        if (!tagged)
        {
            reasons.Add(age < TimeSpan.FromDays(policy.UntaggedAfterDays) ? texts.UntaggedYoung : texts.Untagged);
            return texts.Freeze(reasons);
        }

        if (keepTag is not null)
        {
            reasons.Add(texts.KeepTag(keepTag));
        }

        if (FirstMatch(policy.RemoveTags, v.Version) is { } removeTag)
        {
            reasons.Add(texts.RemoveTag(removeTag));
        }

        if (taggedRank >= 0 && taggedRank < policy.KeepLast)
        {
            reasons.Add(texts.KeepLast(taggedRank));
        }

        if (age < TimeSpan.FromDays(policy.KeepWithinDays))
        {
            reasons.Add(texts.KeepWithin(v.CreatedIsFirstSeen));
        }

        if (reasons.Count == 0)
        {
            reasons.Add(texts.Retention(v.CreatedIsFirstSeen));
        }

        return texts.Freeze(reasons);
    }

    /// <summary>The retention reasons one policy can give, each made once, and the one-reason lists of them.</summary>
    private sealed class ReasonTexts
    {
        private readonly HashSet<Reason> _own = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<Reason, ImmutableArray<Reason>> _alone = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<int, Reason> _keepLast = [];
        private readonly Dictionary<System.Text.RegularExpressions.Regex, Reason> _keepTag = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<System.Text.RegularExpressions.Regex, Reason> _removeTag = new(ReferenceEqualityComparer.Instance);
        private readonly Reason[] _keepWithin;
        private readonly Reason[] _retention;

        public ReasonTexts(RetentionPolicy policy)
        {
            Policy = policy;
            Young = Own(new(Reason.Grace, new RetentionOrigin($"younger than minAgeHours {policy.MinAgeHours}")));
            UntaggedYoung = Own(new(Reason.Grace, new RetentionOrigin($"untagged, younger than untaggedAfterDays {policy.UntaggedAfterDays}")));
            Untagged = Own(new(Reason.Untagged, new RetentionOrigin($"untagged, no kept index needs it, older than {policy.UntaggedAfterDays} days")));
            var within = $"pushed within {Plural.Of(policy.KeepWithinDays, "day")}";
            _keepWithin = [Own(new(Reason.KeepWithin, new RetentionOrigin(within))), Own(new(Reason.KeepWithin, new RetentionOrigin(within, AgeFromFirstSeen: true)))];
            var retention = $"older than {policy.KeepWithinDays} days and not among the newest {policy.KeepLast}";
            _retention = [Own(new(Reason.Retention, new RetentionOrigin(retention))), Own(new(Reason.Retention, new RetentionOrigin(retention, AgeFromFirstSeen: true)))];
        }

        public RetentionPolicy Policy { get; }

        public Reason Young { get; }

        public Reason UntaggedYoung { get; }

        public Reason Untagged { get; }

        public Reason KeepWithin(bool firstSeen) => _keepWithin[firstSeen ? 1 : 0];

        public Reason Retention(bool firstSeen) => _retention[firstSeen ? 1 : 0];

        public Reason KeepLast(int rank) => Made(_keepLast, rank, () => new(Reason.KeepLast, new RankOrigin(rank + 1, Policy.KeepLast)));

        public Reason KeepTag(System.Text.RegularExpressions.Regex pattern) => Made(_keepTag, pattern, () => new(Reason.KeepTag, new RetentionOrigin(pattern.ToString())));

        public Reason RemoveTag(System.Text.RegularExpressions.Regex pattern) => Made(_removeTag, pattern, () => new(Reason.RemoveTag, new RetentionOrigin(pattern.ToString())));

        /// <summary>The reasons as the decision keeps them; the policy's own reason alone gets the list shared by all that have only it.</summary>
        public ImmutableArray<Reason> Freeze(List<Reason> reasons)
        {
            if (reasons.Count != 1 || !_own.Contains(reasons[0]))
            {
                return [.. reasons];
            }

            if (!_alone.TryGetValue(reasons[0], out var alone))
            {
                _alone[reasons[0]] = alone = [reasons[0]];
            }

            return alone;
        }

        private Reason Made<TKey>(Dictionary<TKey, Reason> made, TKey key, Func<Reason> make)
            where TKey : notnull
        {
            if (!made.TryGetValue(key, out var reason))
            {
                made[key] = reason = Own(make());
            }

            return reason;
        }

        private Reason Own(Reason reason)
        {
            _own.Add(reason);
            return reason;
        }
    }
}
