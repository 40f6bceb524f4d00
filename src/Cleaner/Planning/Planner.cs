using System.Collections.Immutable;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Cleaner.Inventory;
using OciCleanup.Pins;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Planning;

/// <summary>
/// The retention planner (SPEC §6): (inventory, protections, policy, now) → plan. Pure, total and
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
        IReadOnlySet<string>? deletesByDigest = null)
    {
        var decisions = ImmutableArray.CreateBuilder<Decision>(inventory.Length);
        var packages = inventory
            .GroupBy(v => v.Package)
            .OrderBy(g => g.Key.Registry, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Owner, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Type, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Name, StringComparer.Ordinal);
        foreach (var package in packages)
        {
            var policy = retention.For(package.Key.Type, package.Key.Name);
            decisions.AddRange(PlanPackage([.. package], protections, policy, now, deletesByDigest?.Contains(package.Key.Registry) == true));
        }

        return new Plan(decisions.ToImmutable());
    }

    private static List<Decision> PlanPackage(
        ImmutableArray<PackageVersion> versions,
        ImmutableDictionary<VersionKey, ImmutableArray<Reason>> protections,
        RetentionPolicy policy,
        DateTimeOffset now,
        bool deletesByDigest)
    {
        var sorted = versions
            .OrderByDescending(v => v.CreatedAt)
            .ThenBy(v => v.Version, StringComparer.Ordinal)
            .ToList();
        var decisions = new List<Decision>(sorted.Count);
        var taggedRank = 0;
        foreach (var version in sorted)
        {
            var rank = version.IsTagged ? taggedRank++ : -1;
            var reasons = RetentionReasons(version, rank, protections.GetValueOrDefault(version.Key, []), policy, now);
            decisions.Add(new Decision(version, reasons[0].IsDelete ? DecisionAction.Delete : DecisionAction.Keep, reasons));
        }

        return KeptManifestsStayWhole(decisions, deletesByDigest);
    }

    /// <summary>
    /// What a kept manifest needs stays, to a fixpoint: the children of a kept index; the
    /// signatures, attestations and referrers tagged <c>sha256-&lt;hex&gt;[.sig|.att|…]</c> of a kept
    /// digest; and, where the registry can only delete by digest, every tag sharing a kept digest
    /// (deleting one would delete them all).
    /// </summary>
    private static List<Decision> KeptManifestsStayWhole(List<Decision> decisions, bool deletesByDigest)
    {
        var changed = true;
        while (changed)
        {
            changed = KeepIndexChildren(decisions) | KeepArtifactsOfKeptDigests(decisions);
            if (deletesByDigest)
            {
                changed |= KeepTagsSharingKeptDigests(decisions);
            }
        }

        return decisions;
    }

    private static bool KeepArtifactsOfKeptDigests(List<Decision> decisions)
    {
        var kept = decisions.Where(d => d.Action == DecisionAction.Keep && d.Version.Digest is not null)
            .GroupBy(d => d.Version.Digest!.Value.Hex).ToDictionary(g => g.Key, g => g.First());
        var changed = false;
        for (var i = 0; i < decisions.Count; i++)
        {
            var d = decisions[i];
            if (d.Action == DecisionAction.Keep || ArtifactSubject(d.Version.Version) is not { } hex || !kept.TryGetValue(hex, out var subject))
            {
                continue;
            }

            decisions[i] = d with { Action = DecisionAction.Keep, Reasons = [new Reason(ReasonKind.IndexChild, $"signature/attestation of kept {subject.Version.Version} ({subject.Version.Digest})"), .. d.Reasons] };
            changed = true;
        }

        return changed;
    }

    // cosign: `sha256-<hex>.sig`, `.att`, `.sbom`; OCI referrers tag schema: `sha256-<hex>`.
    private static string? ArtifactSubject(string tag)
    {
        if (!tag.StartsWith("sha256-", StringComparison.OrdinalIgnoreCase) || tag.Length < 7 + 64)
        {
            return null;
        }

        var hex = tag.Substring(7, 64).ToLowerInvariant();
        var rest = tag[(7 + 64)..];
        return hex.All(Uri.IsHexDigit) && (rest.Length == 0 || rest.StartsWith('.')) ? hex : null;
    }

    private static bool KeepTagsSharingKeptDigests(List<Decision> decisions)
    {
        var kept = decisions.Where(d => d.Action == DecisionAction.Keep && d.Version.Digest is not null)
            .GroupBy(d => d.Version.Digest!.Value).ToDictionary(g => g.Key, g => g.First());
        var changed = false;
        for (var i = 0; i < decisions.Count; i++)
        {
            var d = decisions[i];
            if (d.Action == DecisionAction.Delete && d.Version.Digest is { } digest && kept.TryGetValue(digest, out var sibling))
            {
                var why = sibling.MainReason;
                decisions[i] = d with { Action = DecisionAction.Keep, Reasons = [new Reason(why.Kind, $"same manifest as kept {sibling.Version.Version} ({why.Detail}); the registry deletes only by digest"), .. d.Reasons] };
                changed = true;
            }
        }

        return changed;
    }

    private static ImmutableArray<Reason> RetentionReasons(PackageVersion v, int taggedRank, ImmutableArray<Reason> protectedBy, RetentionPolicy policy, DateTimeOffset now)
    {
        var reasons = ImmutableArray.CreateBuilder<Reason>();
        reasons.AddRange(protectedBy);
        var age = now - v.CreatedAt;
        if (age < TimeSpan.FromHours(policy.MinAgeHours))
        {
            reasons.Add(new Reason(Reason.Grace, $"younger than minAgeHours {policy.MinAgeHours}"));
        }

        if (!v.IsTagged)
        {
            reasons.Add(age < TimeSpan.FromDays(policy.UntaggedAfterDays)
                ? new Reason(Reason.Grace, $"untagged, younger than untaggedAfterDays {policy.UntaggedAfterDays}")
                : new Reason(Reason.Untagged, $"untagged, no kept index needs it, older than {policy.UntaggedAfterDays} days"));
            return reasons.ToImmutable();
        }

        if (policy.KeepTags.FirstOrDefault(r => r.IsMatch(v.Version)) is { } keepTag)
        {
            reasons.Add(new Reason(Reason.KeepTag, keepTag.ToString()));
        }

        if (policy.RemoveTags.FirstOrDefault(r => r.IsMatch(v.Version)) is { } removeTag)
        {
            reasons.Add(new Reason(Reason.RemoveTag, removeTag.ToString()));
        }

        if (taggedRank < policy.KeepLast)
        {
            reasons.Add(new Reason(Reason.KeepLast, $"#{taggedRank + 1} of the newest {policy.KeepLast} tagged"));
        }

        if (age < TimeSpan.FromDays(policy.KeepWithinDays))
        {
            reasons.Add(new Reason(Reason.KeepWithin, $"pushed within {policy.KeepWithinDays} days"));
        }

        if (reasons.Count == 0)
        {
            reasons.Add(new Reason(Reason.Retention, $"older than {policy.KeepWithinDays} days and not among the newest {policy.KeepLast}"));
        }

        return reasons.ToImmutable();
    }

    /// <summary>
    /// A kept index keeps what it needs (rule 1), to a fixpoint since a child may be an index too.
    /// Returns whether any delete became a keep.
    /// Where a <c>sha256:</c> version holds the child, that one suffices; otherwise every holder of
    /// the digest is kept, because deleting the last holder breaks the index.
    /// </summary>
    private static bool KeepIndexChildren(List<Decision> decisions)
    {
        var changedAny = false;
        var changed = true;
        while (changed)
        {
            changed = false;
            var needed = decisions
                .Where(d => d.Action == DecisionAction.Keep)
                .SelectMany(d => d.Version.IndexChildren.Select(child => (child, index: d.Version)))
                .ToList();
            foreach (var (child, index) in needed)
            {
                var holders = decisions.Where(d => d.Version.Digest == child).ToList();
                var byDigestName = holders.Where(d => d.Version.Version == child.ToString()).ToList();
                foreach (var holder in byDigestName.Count > 0 ? byDigestName : holders)
                {
                    var reason = new Reason(ReasonKind.IndexChild, $"{index.Version} ({index.Digest})");
                    if (holder.Reasons.Contains(reason))
                    {
                        continue;
                    }

                    var at = decisions.IndexOf(holder);
                    decisions[at] = holder with { Action = DecisionAction.Keep, Reasons = [reason, .. holder.Reasons] };
                    changed |= holder.Action == DecisionAction.Delete || holder.Version.IndexChildren.Length > 0;
                    changedAny |= holder.Action == DecisionAction.Delete;
                }
            }
        }

        return changedAny;
    }
}
