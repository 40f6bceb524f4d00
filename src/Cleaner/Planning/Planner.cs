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
        // Newest first; ties by version name with numbers compared as numbers (SPEC §6).
        var sorted = versions
            .OrderByDescending(v => v.CreatedAt)
            .ThenBy(v => v.Version, NaturalOrder.Instance)
            .ToList();
        var decisions = new List<Decision>(sorted.Count);
        var taggedRank = 0;
        foreach (var version in sorted)
        {
            // keepLast counts builds: not the artifact tags that follow a subject, nor keepTags matches.
            // Each pattern is run once per version: at 100k versions a regex call is not free.
            var keepTag = version.IsTagged ? policy.KeepTags.FirstOrDefault(r => r.IsMatch(version.Version)) : null;
            var counts = version.IsTagged && ArtifactSubject(version.Version) is null && keepTag is null;
            var rank = counts ? taggedRank++ : -1;
            var reasons = RetentionReasons(version, rank, keepTag, protections.GetValueOrDefault(version.Key, []), policy, now);
            decisions.Add(new Decision(version, reasons[0].IsDelete ? DecisionAction.Delete : DecisionAction.Keep, reasons));
        }

        return KeptManifestClosure.Apply(decisions, deletesByDigest);
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

    // Reason texts depend on the policy only: interned, 100k decisions share a handful of strings.
    private static ImmutableArray<Reason> RetentionReasons(PackageVersion v, int taggedRank, System.Text.RegularExpressions.Regex? keepTag, ImmutableArray<Reason> protectedBy, RetentionPolicy policy, DateTimeOffset now)
    {
        var reasons = ImmutableArray.CreateBuilder<Reason>();
        reasons.AddRange(protectedBy);
        var age = now - v.CreatedAt;
        if (age < TimeSpan.FromHours(policy.MinAgeHours))
        {
            reasons.Add(new Reason(Reason.Grace, string.Intern($"younger than minAgeHours {policy.MinAgeHours}")));
        }

        if (!v.IsTagged)
        {
            reasons.Add(age < TimeSpan.FromDays(policy.UntaggedAfterDays)
                ? new Reason(Reason.Grace, string.Intern($"untagged, younger than untaggedAfterDays {policy.UntaggedAfterDays}"))
                : new Reason(Reason.Untagged, string.Intern($"untagged, no kept index needs it, older than {policy.UntaggedAfterDays} days")));
            return reasons.ToImmutable();
        }

        if (keepTag is not null)
        {
            reasons.Add(new Reason(Reason.KeepTag, keepTag.ToString()));
        }

        if (policy.RemoveTags.FirstOrDefault(r => r.IsMatch(v.Version)) is { } removeTag)
        {
            reasons.Add(new Reason(Reason.RemoveTag, removeTag.ToString()));
        }

        if (taggedRank >= 0 && taggedRank < policy.KeepLast)
        {
            reasons.Add(new Reason(Reason.KeepLast, string.Intern($"#{taggedRank + 1} of the newest {policy.KeepLast} tagged")));
        }

        var firstSeen = v.CreatedIsFirstSeen ? " (age from when oci-cleanup first saw it: the registry gives no plausible creation time)" : "";
        if (age < TimeSpan.FromDays(policy.KeepWithinDays))
        {
            reasons.Add(new Reason(Reason.KeepWithin, string.Intern($"pushed within {policy.KeepWithinDays} days{firstSeen}")));
        }

        if (reasons.Count == 0)
        {
            reasons.Add(new Reason(Reason.Retention, string.Intern($"older than {policy.KeepWithinDays} days and not among the newest {policy.KeepLast}{firstSeen}")));
        }

        return reasons.ToImmutable();
    }
}
