using System.Collections.Immutable;
using OciCleanup.Cleaner.Inventory;
using OciCleanup.Pins;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Planning;

/// <summary>
/// Kept indexes whose children the inventory does not show (<c>broken-index</c>, docs/references.md, "Warnings"; seed 004: Forgejo's
/// cleanup orphans index children). Where a registry lists every manifest as a version (Gitea's
/// <c>sha256:</c> versions), a child no version holds is missing; elsewhere it is only unlisted, and the
/// caller asks the registry. One lookup per package, built once. Pure.
/// </summary>
internal static class BrokenIndexes
{
    /// <summary>A kept index (its tags together) and the children no version of its package holds.</summary>
    internal sealed record Candidate(PackageKey Package, Digest Index, ImmutableArray<string> Versions, ImmutableArray<Digest> Unheld);

    public static IEnumerable<Candidate> Unheld(Plan plan)
    {
        foreach (var package in plan.Decisions.GroupBy(d => d.Version.Package))
        {
            var kept = package.Where(d => d.Action == DecisionAction.Keep && !d.Version.IndexChildren.IsEmpty && d.Version.Digest is not null).ToList();
            if (kept.Count == 0)
            {
                continue;
            }

            var held = package.Select(d => d.Version.Digest).OfType<Digest>().ToHashSet();
            foreach (var index in kept.GroupBy(d => d.Version.Digest!.Value))
            {
                var unheld = index.First().Version.IndexChildren.Where(c => !held.Contains(c)).Distinct().ToImmutableArray();
                if (!unheld.IsEmpty)
                {
                    yield return new Candidate(package.Key, index.Key, [.. index.Select(d => d.Version.Version)], unheld);
                }
            }
        }
    }

    public static ReportWarning Warning(Candidate index, IReadOnlyCollection<Digest> missing) =>
        new(WarningKind.BrokenIndex,
            $"{index.Package}: the kept index {string.Join(", ", index.Versions)} ({index.Index}) lists {missing.Count} child manifest(s) the registry does not hold ({string.Join(", ", missing)}) — "
            + "a pull of that platform fails: push the image again");
}
