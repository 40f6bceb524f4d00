using System.Collections.Immutable;

namespace OciCleanup.Cleaner.Execution;

/// <summary>
/// Which audit entries <c>restore REF</c> or <c>restore --run RUN</c> puts back (docs/reports.md, "Undo: `restore`"): the deletes
/// that match, and where the registry deletes by digest every other tag the same DELETE removed (same
/// run, package and digest) — restoring <c>stable</c> brings back <c>1.0.12</c> that went with it.
/// Of several deletes of one version the latest counts: an older one may have been restored and
/// deleted again.
/// </summary>
internal static class RestoreSelection
{
    public static ImmutableArray<AuditEntry> Select(IReadOnlyList<AuditEntry> trail, Func<AuditEntry, bool> wanted, Func<string, bool> deletesByDigest)
    {
        var deleted = Deleted(trail, deletesByDigest);
        var matched = deleted.Where(wanted).ToHashSet();
        var deletes = matched.Where(e => deletesByDigest(e.Registry)).Select(DeleteKey.Of).ToHashSet();
        return [.. deleted
            .Where(e => matched.Contains(e) || (deletesByDigest(e.Registry) && deletes.Contains(DeleteKey.Of(e))))
            .GroupBy(e => e.ToString(), StringComparer.Ordinal)
            .Select(g => g.MaxBy(e => (e.Time, e.Line))!)
            .OrderBy(e => e.Line)];
    }

    /// <summary>
    /// Every deleted version with its manifest, in log order. Before each removed tag was audited, the
    /// executor attempted a sibling tag after the DELETE had already removed it and wrote <c>skipped:
    /// already gone</c>: such a line counts as deleted, with the sibling's manifest. A tag found gone
    /// while its siblings still stood (attempted before any DELETE of its digest) was not removed by us.
    /// </summary>
    private static List<AuditEntry> Deleted(IReadOnlyList<AuditEntry> trail, Func<string, bool> deletesByDigest)
    {
        var lastDeleted = new Dictionary<DeleteKey, AuditEntry>();
        var attemptedAfter = new Dictionary<(DeleteKey, string), AuditEntry>();
        var deleted = new List<AuditEntry>();
        foreach (var entry in trail)
        {
            var key = DeleteKey.Of(entry);
            if (entry.Result == "deleted")
            {
                deleted.Add(entry);
                if (entry.Digest is not null && entry.Manifest is not null)
                {
                    lastDeleted[key] = entry;
                }
            }
            else if (entry.Result == "attempting")
            {
                attemptedAfter.Remove((key, entry.Version));
                if (deletesByDigest(entry.Registry) && lastDeleted.TryGetValue(key, out var before))
                {
                    attemptedAfter[(key, entry.Version)] = before;
                }
            }
            else if (entry is { Result: "skipped", Detail: "already gone" } && attemptedAfter.TryGetValue((key, entry.Version), out var sibling))
            {
                deleted.Add(entry with { Result = "deleted", MediaType = sibling.MediaType, Manifest = sibling.Manifest });
            }
        }

        return deleted;
    }

    /// <summary>One DELETE by digest: the tags it removed share all of these.</summary>
    private readonly record struct DeleteKey(string Registry, string? Owner, string Type, string Package, string? Digest, string? RunId)
    {
        public static DeleteKey Of(AuditEntry e) => new(e.Registry, e.Owner, e.Type, e.Package, e.Digest, e.RunId);
    }
}
