using OciCleanup.Cleaner.Planning;

namespace OciCleanup.Cleaner.Execution;

/// <summary>
/// The order deletes go in: tags before untagged manifests, and an index before any manifest it
/// points at, so that no index ever stands with a missing child, even mid-run.
/// </summary>
internal static class DeleteOrder
{
    public static IEnumerable<Decision> Of(Plan plan) =>
        plan.Deletes
            .OrderBy(d => d.Version.IsTagged ? 0 : 1)
            .ThenBy(d => d.Version.IndexChildren.IsEmpty ? 1 : 0);
}
