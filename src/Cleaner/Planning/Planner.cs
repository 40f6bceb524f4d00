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
    public static Plan Plan(
        ImmutableArray<PackageVersion> inventory,
        ImmutableDictionary<VersionKey, ImmutableArray<Reason>> protections,
        RetentionConfig retention,
        DateTimeOffset now)
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
            decisions.AddRange(PlanPackage([.. package], protections, policy, now));
        }

        return new Plan(decisions.ToImmutable());
    }

    private static List<Decision> PlanPackage(
        ImmutableArray<PackageVersion> versions,
        ImmutableDictionary<VersionKey, ImmutableArray<Reason>> protections,
        RetentionPolicy policy,
        DateTimeOffset now)
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

        return KeepIndexChildren(decisions);
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
    /// Where a <c>sha256:</c> version holds the child, that one suffices; otherwise every holder of
    /// the digest is kept, because deleting the last holder breaks the index.
    /// </summary>
    private static List<Decision> KeepIndexChildren(List<Decision> decisions)
    {
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
                }
            }
        }

        return decisions;
    }
}
