using OciCleanup.Cleaner.Inventory;
using OciCleanup.Cleaner.Planning;

namespace OciCleanup.Cleaner.Execution;

/// <summary>
/// Before the first delete in a package, each kept tag of that package (and each kept untagged manifest
/// protected for its own sake, <see cref="KeptTagCheck.ToRead"/>) is read live once (the registry's
/// own re-read, <see cref="IRegistry.RereadAsync"/>); a tag that is not what the plan assumed, or a kept
/// index listing a manifest the package's deletes remove, holds every delete of the package
/// (<see cref="KeptTagCheck"/>), and a read that fails fails them: never a delete made blind. On Gitea this
/// keeps a wrong inventory-cache entry for a kept index from letting its untagged children be deleted:
/// each child's own re-check passes, as its digest is its name. It runs for every kind, not only those
/// that list untagged manifests as versions: everywhere it also closes the race of a kept index re-pushed
/// between planning and deleting, whose new children the plan never saw. The cost is one re-read per kept
/// tag of a package whose deletes are about to start (Gitea: the version and a HEAD; a distribution
/// registry: a HEAD; GitHub: the version, no manifest download), none in a dry run.
/// </summary>
internal sealed class KeptTagGuard(Plan plan)
{
    private readonly Lazy<ILookup<PackageKey, PackageVersion>> _kept = new(() => KeptTagCheck.ToRead(plan));
    private readonly Lazy<ILookup<PackageKey, PackageVersion>> _deletes = new(() => plan.Deletes.Select(d => d.Version).ToLookup(v => v.Package));
    private readonly Dictionary<PackageKey, DeleteOutcome?> _verdicts = [];
    private readonly List<PackageVersion> _contradicted = [];

    /// <summary>
    /// The kept versions whose live digest or kind was not the plan's (<see cref="KeptTagCheck.Contradicts"/>):
    /// what the plan believed of them may have come from the inventory cache, which must not serve it again.
    /// </summary>
    public IReadOnlyList<PackageVersion> Contradicted => _contradicted;

    /// <summary>Null when the package's deletes may go ahead, else the outcome of each; <c>Read</c> when this call asked the registry.</summary>
    public async Task<(DeleteOutcome? Held, bool Read)> CheckAsync(PackageKey package, IRegistry registry)
    {
        if (_verdicts.TryGetValue(package, out var known))
        {
            return (known, false);
        }

        DeleteOutcome? held = null;
        var removed = KeptTagCheck.Removed(_deletes.Value[package], registry.Traits.DeletesByDigest);
        foreach (var kept in _kept.Value[package])
        {
            try
            {
                // Part of the first delete of the package: finished or not started, like the delete itself.
                var live = await registry.RereadAsync(kept, CancellationToken.None);
                if (KeptTagCheck.Doubt(kept, live, removed) is { } doubt)
                {
                    if (KeptTagCheck.Contradicts(kept, live))
                    {
                        _contradicted.Add(kept);
                    }

                    // The first doubt holds the package; the rest are still read, so that every contradicted
                    // cache entry is dropped this run, not one a night.
                    held ??= new DeleteOutcome.Skipped(doubt);
                }
            }
            catch (Exception e) when (RegistryFailure.Is(e))
            {
                held ??= new DeleteOutcome.Failed($"kept {KeptTagCheck.NameOf(kept)} could not be read live ({RegistryFailure.Why(e)}); none of the package's deletes was attempted");
                break;
            }
        }

        _verdicts[package] = held;
        return (held, true);
    }
}
