using System.Collections.Immutable;
using OciCleanup.Cleaner.Inventory;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>
/// Bytes the planned deletes free, dedup-aware: a blob counts once, and not at all when any kept version
/// of the same registry still holds it (registries store a blob once and free it only when nothing uses
/// it). Unknown sizes make the answer unknown, never smaller: a total that left out a version would look
/// like a fact.
/// </summary>
internal static class ReclaimableBytes
{
    public static (long? Total, ImmutableSortedDictionary<string, long>? ByPackage) Of(
        ImmutableArray<DecisionEntry> decisions, IReadOnlyDictionary<(string Registry, string? Digest), VersionBlobs> blobs)
    {
        if (blobs.Count == 0 || decisions.Any(d => d.Action == "delete" && !blobs.ContainsKey((d.Registry, d.Digest))))
        {
            return (null, null);
        }

        var kept = decisions.Where(d => d.Action == "keep")
            .SelectMany(d => blobs.TryGetValue((d.Registry, d.Digest), out var b) ? b.SizeByDigest.Keys.Select(k => (d.Registry, k)) : [])
            .ToHashSet();
        var counted = new HashSet<(string Registry, string Blob)>();
        var byPackage = ImmutableSortedDictionary.CreateBuilder<string, long>(StringComparer.Ordinal);
        foreach (var d in decisions.Where(d => d.Action == "delete"))
        {
            var key = PackageGroup.PackageKey(d.Registry, d.Owner, d.Type, d.Package);
            var freed = blobs[(d.Registry, d.Digest)].SizeByDigest
                .Where(blob => !kept.Contains((d.Registry, blob.Key)) && counted.Add((d.Registry, blob.Key)))
                .Sum(blob => blob.Value);
            byPackage[key] = byPackage.GetValueOrDefault(key) + freed;
        }

        return (byPackage.Values.Sum(), byPackage.ToImmutable());
    }
}
