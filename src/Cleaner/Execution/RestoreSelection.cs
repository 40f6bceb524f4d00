using System.Collections.Immutable;

namespace OciCleanup.Cleaner.Execution;

/// <summary>
/// Which audit entries <c>restore REF</c> or <c>restore --run RUN</c> puts back (SPEC §7a): the deletes
/// that match, and where the registry deletes by digest every other tag the same DELETE removed (same
/// run, package and digest) — restoring <c>stable</c> brings back <c>1.0.12</c> that went with it.
/// Of several deletes of one version the latest counts: an older one may have been restored and
/// deleted again. Lines written before each removed tag was audited said <c>skipped: already gone</c>
/// for the tags a sibling's DELETE had just removed; those count as deleted with the sibling's manifest.
/// </summary>
internal static class RestoreSelection
{
    public static ImmutableArray<AuditEntry> Select(IReadOnlyList<AuditEntry> trail, Func<AuditEntry, bool> wanted, Func<string, bool> deletesByDigest)
    {
        var deleted = Deleted(trail, deletesByDigest);
        var matched = deleted.Where(wanted).ToHashSet();
        var deletes = matched.Where(e => deletesByDigest(e.Registry)).Select(Delete).ToHashSet();
        return [.. deleted
            .Where(e => matched.Contains(e) || (deletesByDigest(e.Registry) && deletes.Contains(Delete(e))))
            .GroupBy(e => e.ToString(), StringComparer.Ordinal)
            .Select(g => g.MaxBy(e => (e.Time, e.Line))!)
            .OrderBy(e => e.Line)];
    }

    /// <summary>Every deleted version with its manifest, in log order, the older format's silent siblings included.</summary>
    private static List<AuditEntry> Deleted(IReadOnlyList<AuditEntry> trail, Func<string, bool> deletesByDigest)
    {
        var lastDeleted = new Dictionary<(string, string?, string, string, string?, string?), AuditEntry>();
        var deleted = new List<AuditEntry>();
        foreach (var entry in trail)
        {
            if (entry.Result == "deleted")
            {
                deleted.Add(entry);
                if (entry.Digest is not null && entry.Manifest is not null)
                {
                    lastDeleted[Delete(entry)] = entry;
                }
            }
            else if (entry is { Result: "skipped", Detail: "already gone", Digest: not null }
                && deletesByDigest(entry.Registry)
                && lastDeleted.TryGetValue(Delete(entry), out var sibling))
            {
                deleted.Add(entry with { Result = "deleted", MediaType = sibling.MediaType, Manifest = sibling.Manifest });
            }
        }

        return deleted;
    }

    /// <summary>One DELETE by digest: the tags it removed share all of these.</summary>
    private static (string, string?, string, string, string?, string?) Delete(AuditEntry e) =>
        (e.Registry, e.Owner, e.Type, e.Package, e.Digest, e.RunId);
}
