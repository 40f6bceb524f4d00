using OciCleanup.Cleaner.Planning;
using OciCleanup.Pins;

namespace OciCleanup.Cleaner.Execution;

/// <summary>
/// The order deletes go in: every index before any manifest it points at, however deep the nesting and
/// whether the child is tagged or not (a tagged <c>1.0-amd64</c> under an untagged index being deleted
/// too), so that no index ever stands with a missing child, even mid-run; then tags before untagged
/// manifests, indexes first, and the plan's order.
/// </summary>
internal static class DeleteOrder
{
    public static IEnumerable<Decision> Of(Plan plan)
    {
        var deletes = plan.Deletes.ToList();
        var depth = Depths(deletes);
        return deletes
            .OrderBy(d => d.Version.Digest is { } digest ? depth.GetValueOrDefault(digest) : 0)
            .ThenBy(d => d.Version.IsTagged ? 0 : 1)
            .ThenBy(d => d.Version.IndexChildren.IsEmpty ? 1 : 0);
    }

    /// <summary>
    /// How many indexes being deleted stand above a digest: 0 for one no deleted index lists, else one more
    /// than the deepest index that lists it. Bounded by the number of deletes, so an index that lists
    /// itself (or a loop) cannot stall it.
    /// </summary>
    private static Dictionary<Digest, int> Depths(List<Decision> deletes)
    {
        var depth = new Dictionary<Digest, int>();
        var indexes = deletes.Where(d => d.Version.Digest is not null && !d.Version.IndexChildren.IsEmpty).ToList();
        for (var round = 0; round < deletes.Count; round++)
        {
            var changed = false;
            foreach (var index in indexes)
            {
                var below = depth.GetValueOrDefault(index.Version.Digest!.Value) + 1;
                foreach (var child in index.Version.IndexChildren)
                {
                    if (child != index.Version.Digest && depth.GetValueOrDefault(child) < below)
                    {
                        depth[child] = below;
                        changed = true;
                    }
                }
            }

            if (!changed)
            {
                break;
            }
        }

        return depth;
    }
}
