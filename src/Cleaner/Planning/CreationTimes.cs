using System.Collections.Immutable;
using OciCleanup.Cleaner.Inventory;

namespace OciCleanup.Cleaner.Planning;

/// <summary>
/// docs/configuration.md, "Retention": where a registry gives no creation time, or an implausible one (before 2000-01-01 — nix,
/// ko and buildpacks stamp 1970 — or in the future), a version's age counts from when this program
/// first saw it. Without this, a reproducible build pushed an hour ago looks 56 years old, and a chart
/// with no <c>created</c> never ages. Pure: the first-seen times come in and go out.
/// </summary>
internal static class CreationTimes
{
    public static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static bool IsPlausible(DateTimeOffset created, DateTimeOffset now) => created >= Earliest && created <= now.AddDays(1);

    /// <summary>The key a first-seen time is kept under: the manifest digest, else the version.</summary>
    public static string KeyOf(PackageVersion v) => v.Digest?.ToString() ?? v.Key.ToString();

    public static (ImmutableArray<PackageVersion> Versions, ImmutableDictionary<string, DateTimeOffset> FirstSeen) Apply(
        ImmutableArray<PackageVersion> inventory, IReadOnlyDictionary<string, DateTimeOffset> firstSeen, DateTimeOffset now, bool inventoryComplete)
    {
        // A complete inventory drops what is gone; a partial one must not forget what it did not see.
        var seen = inventoryComplete ? ImmutableDictionary.CreateBuilder<string, DateTimeOffset>() : firstSeen.ToImmutableDictionary().ToBuilder();
        var versions = ImmutableArray.CreateBuilder<PackageVersion>(inventory.Length);
        foreach (var v in inventory)
        {
            if (IsPlausible(v.CreatedAt, now))
            {
                versions.Add(v);
                continue;
            }

            var key = KeyOf(v);
            var first = firstSeen.TryGetValue(key, out var known) ? known : now;
            seen[key] = first;
            versions.Add(v with { CreatedAt = first, CreatedIsFirstSeen = true });
        }

        return (versions.MoveToImmutable(), seen.ToImmutable());
    }
}
