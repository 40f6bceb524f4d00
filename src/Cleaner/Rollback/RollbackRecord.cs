using System.Collections.Immutable;

namespace OciCleanup.Cleaner.Rollback;

/// <summary>
/// What each source object named over the trusted runs (docs/references.md, "Rollback window"), keyed by <see cref="ObjectKey"/>'s text.
/// Pure: <see cref="Observe"/> folds one run in; <see cref="Prune"/> drops what no window can need again.
/// </summary>
internal sealed record RollbackRecord(ImmutableSortedDictionary<string, ImmutableArray<SeenImage>> Objects)
{
    /// <summary>Bounds one object however many containers and deploys it has: the record stays small.</summary>
    public const int MaxImagesPerObject = 64;

    public static RollbackRecord Empty { get; } = new(ImmutableSortedDictionary.Create<string, ImmutableArray<SeenImage>>(StringComparer.Ordinal));

    /// <summary>This run's view folded in: what each object names now is seen now; a new image is first seen now.</summary>
    public RollbackRecord Observe(IReadOnlyDictionary<ObjectKey, ImmutableHashSet<string>> current, DateTimeOffset now)
    {
        var objects = Objects.ToBuilder();
        foreach (var (key, images) in current)
        {
            var before = Objects.GetValueOrDefault(key.ToString(), []);
            var known = before.Select(s => s.Image).ToHashSet(StringComparer.Ordinal);
            var seen = before.Select(s => images.Contains(s.Image) ? s with { LastSeen = now, GoneAt = null } : s)
                .Concat(images.Where(i => !known.Contains(i)).Order(StringComparer.Ordinal).Select(i => new SeenImage(i, now, now)));
            objects[key.ToString()] = [.. seen];
        }

        return new RollbackRecord(objects.ToImmutable());
    }

    /// <summary>
    /// Keeps what the object names now, the <paramref name="keep"/> deploys before it and one more (so the report
    /// can name the first one out), each only while it stopped less than <paramref name="days"/> ago.
    /// </summary>
    public RollbackRecord Prune(int keep, TimeSpan days, DateTimeOffset now)
    {
        var objects = Objects.ToBuilder();
        foreach (var (key, images) in Objects)
        {
            var latest = images.Max(s => s.LastSeen);
            var keptDeploys = images.Where(s => s.LastSeen < latest).Select(s => s.LastSeen).Distinct()
                .OrderDescending().Take(keep + 1).ToHashSet();
            var kept = images.Where(s => now - s.LastSeen < days && (s.LastSeen == latest || keptDeploys.Contains(s.LastSeen)))
                .OrderByDescending(s => s.LastSeen).ThenBy(s => s.Image, StringComparer.Ordinal)
                .Take(MaxImagesPerObject).ToImmutableArray();
            if (kept.IsEmpty)
            {
                objects.Remove(key);
            }
            else
            {
                objects[key] = kept;
            }
        }

        return new RollbackRecord(objects.ToImmutable());
    }

    /// <summary>Marks images a trusted run found gone from the registry (the first such run's time stays).</summary>
    public RollbackRecord MarkGone(IReadOnlySet<(string Object, string Image)> gone, DateTimeOffset now)
    {
        var objects = Objects.ToBuilder();
        foreach (var (key, images) in Objects)
        {
            objects[key] = [.. images.Select(s => s.GoneAt is null && gone.Contains((key, s.Image)) ? s with { GoneAt = now } : s)];
        }

        return new RollbackRecord(objects.ToImmutable());
    }
}
