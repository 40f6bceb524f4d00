using System.Collections.Immutable;

namespace OciCleanup.Cleaner.Rollback;

/// <summary>
/// The rollback window (docs/references.md, "Rollback window"), pure: for each object that names something now, its earlier deploys
/// newest first; the first <c>keep</c> of them that it stopped naming less than <c>days</c> ago are in the
/// window. An object that names nothing now (deleted, or its source lost it) has no "now" to roll back from.
/// </summary>
internal static class RollbackWindow
{
    public static ImmutableArray<Deploy> Deploys(RollbackRecord record, IReadOnlyDictionary<ObjectKey, ImmutableHashSet<string>> current, int keep, TimeSpan days, DateTimeOffset now)
    {
        var deploys = ImmutableArray.CreateBuilder<Deploy>();
        foreach (var (key, names) in current.OrderBy(c => c.Key.ToString(), StringComparer.Ordinal))
        {
            if (names.IsEmpty || !record.Objects.TryGetValue(key.ToString(), out var images))
            {
                continue;
            }

            var back = 0;
            foreach (var group in images.Where(s => !names.Contains(s.Image)).GroupBy(s => s.LastSeen).OrderByDescending(g => g.Key))
            {
                back++;
                var inWindow = back <= keep && now - group.Key < days;
                deploys.Add(new Deploy(key, [.. group.OrderBy(s => s.Image, StringComparer.Ordinal)], group.Key, back, inWindow));
            }
        }

        return deploys.ToImmutable();
    }
}
