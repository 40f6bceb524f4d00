using OciCleanup.Cleaner.Inventory;
using OciCleanup.Cleaner.Planning;
using OciCleanup.Pins.PinsFiles;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Execution;

/// <summary>
/// What a live read of a kept tag says of its package's planned deletes (issue 24: a store entry never
/// decides a delete alone). The plan's children of a kept index are only as true as the digest and media
/// type it believed for the tag, and on Gitea those may come from the inventory cache, not a HEAD. A body
/// is content-addressed: the same live digest and the same kind of manifest (index or not) mean the same
/// children, which the plan kept. Anything else — another digest, an index where the plan saw an image,
/// the tag gone — and the plan's idea of what the package's deletes leave standing is not to be trusted.
/// </summary>
internal static class KeptTagCheck
{
    /// <summary>
    /// Reasons that do not say a version is wanted for itself: those a kept manifest lends another
    /// (<see cref="KeptManifestClosure"/>), and the delete reasons such a version still carries under them.
    /// </summary>
    private static readonly HashSet<string> NotItsOwn =
        [ReasonKind.IndexChild, ReasonKind.SameManifest, ReasonKind.Artifact, ReasonKind.RemoveTag, ReasonKind.Retention, ReasonKind.Untagged];

    /// <summary>
    /// The versions read live before a package's first delete, in packages with a planned delete: each kept
    /// container tag, and each kept untagged manifest protected for a reason of its own (a digest a workload
    /// or pin names, grace), whose media type may come from the cache just the same. Not one kept only as
    /// the child or twin of another kept manifest (<see cref="NotItsOwn"/>): that would be a read per child,
    /// and its own children are as true as the kept index or tag read here that lists it.
    /// </summary>
    public static ILookup<PackageKey, PackageVersion> ToRead(Plan plan)
    {
        var deleting = plan.Deletes.Select(d => d.Version.Package).ToHashSet();
        return plan.Keeps
            .Where(d => d.Version.Type == PackageTypes.Container && deleting.Contains(d.Version.Package)
                && (d.Version.IsTagged || d.Reasons.Any(r => !NotItsOwn.Contains(r.Kind))))
            .Select(d => d.Version)
            .ToLookup(v => v.Package);
    }

    /// <summary>The digests a package's planned deletes remove: every one where a DELETE goes by digest, else those of versions named by their digest.</summary>
    public static HashSet<Pins.Digest> Removed(IEnumerable<PackageVersion> deletes, bool deletesByDigest) =>
        [.. deletes.Where(v => !v.IsTagged || deletesByDigest).Select(v => v.Digest).OfType<Pins.Digest>()];

    /// <summary>How the held deletes name a kept version: <c>tag v1</c>, or an untagged one by its digest.</summary>
    public static string NameOf(PackageVersion kept) => kept.IsTagged ? $"tag {kept.Version}" : kept.Version;

    /// <summary>Whether the live version has another digest or is another kind (index or not) than the plan believed: what it believed is wrong, not merely late.</summary>
    public static bool Contradicts(PackageVersion kept, PackageVersion? live) =>
        live is not null && (live.Digest != kept.Digest || ManifestMediaTypes.IsIndex(live.MediaType) != ManifestMediaTypes.IsIndex(kept.MediaType));

    /// <summary>
    /// Null when the live version is the manifest the plan assumed and, if an index, none of its children is
    /// among <paramref name="removed"/>; else why the package's deletes wait.
    /// </summary>
    public static string? Doubt(PackageVersion kept, PackageVersion? live, IReadOnlySet<Pins.Digest> removed)
    {
        const string Wait = "the package's deletes wait for the next run";
        var name = NameOf(kept);
        if (live is null)
        {
            return $"kept {name} is gone since planning; {Wait}";
        }

        if (live.Digest != kept.Digest)
        {
            return $"kept {name} now names {live.Digest?.ToString() ?? "another manifest"} (the plan assumed {kept.Digest}); {Wait}";
        }

        var isIndex = ManifestMediaTypes.IsIndex(live.MediaType);
        if (isIndex != ManifestMediaTypes.IsIndex(kept.MediaType))
        {
            return $"kept {name} ({live.Digest}) is {(isIndex ? "an index" : "not an index")} (the plan assumed {(isIndex ? "an image manifest" : "an index")} of type {kept.MediaType ?? "unknown"}); {Wait}";
        }

        // The same digest is the same body: these are the live children. The closure keeps them; never trust that alone.
        var lost = kept.IndexChildren.Where(removed.Contains).ToList();
        return lost.Count == 0 ? null : $"kept {name} ({live.Digest}) lists {lost[0]}, which this run would delete; {Wait}";
    }
}
