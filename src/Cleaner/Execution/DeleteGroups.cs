using System.Collections.Immutable;
using OciCleanup.Cleaner.Inventory;
using OciCleanup.Cleaner.Planning;
using OciCleanup.Pins;

namespace OciCleanup.Cleaner.Execution;

/// <summary>
/// Which planned deletes one request removes together (docs/configuration.md, "Delete mode, multi-arch images and OCI registries"). Where the registry deletes by digest
/// (OCI distribution: <c>DELETE /v2/NAME/manifests/DIGEST</c> untags every tag of the manifest), all
/// planned tags of one manifest in one package are one group: each is re-read and attempted, and each
/// one the DELETE removes is audited with the manifest and reported as deleted — so that restoring any
/// of them, or the run, can put every one back. Elsewhere (Gitea: one version per DELETE) a group is one.
/// </summary>
internal static class DeleteGroups
{
    /// <summary>The groups in the order of their first member.</summary>
    public static IEnumerable<ImmutableArray<PackageVersion>> Of(IEnumerable<Decision> ordered, Func<string, bool> deletesByDigest)
    {
        var groups = new List<List<PackageVersion>>();
        var byDigest = new Dictionary<(PackageKey, Digest), List<PackageVersion>>();
        foreach (var version in ordered.Select(d => d.Version))
        {
            if (version.Digest is not { } digest || !deletesByDigest(version.Registry))
            {
                groups.Add([version]);
            }
            else if (byDigest.TryGetValue((version.Package, digest), out var group))
            {
                group.Add(version);
            }
            else
            {
                byDigest[(version.Package, digest)] = group = [version];
                groups.Add(group);
            }
        }

        return groups.Select(g => g.ToImmutableArray());
    }

    /// <summary>What the re-read just before the delete says: null while the version is as planned, else its outcome.</summary>
    public static DeleteOutcome? Recheck(PackageVersion planned, PackageVersion? current, bool checkCreated) =>
        current is null ? new DeleteOutcome.AlreadyGone()
        : current.Digest != planned.Digest || (checkCreated && current.CreatedAt != planned.CreatedAt)
            ? new DeleteOutcome.Skipped($"changed since planning: digest {planned.Digest} → {current.Digest}, created {planned.CreatedAt:O} → {current.CreatedAt:O}")
            : null;

    /// <summary>The outcome of each tag one successful DELETE removed: all deleted, each naming the others.</summary>
    public static DeleteOutcome.Deleted Deleted(IReadOnlyList<PackageVersion> removed) =>
        new(removed.Count < 2 ? null : $"one DELETE by digest removed {string.Join(", ", removed.Select(v => v.Version))}");
}
