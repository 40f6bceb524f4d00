using System.Collections.Immutable;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>The decisions of one package (registry, owner, type, name), in the report's order, with its totals.</summary>
internal sealed record PackageGroup(string Registry, string? Owner, string Type, string Package, ImmutableArray<DecisionEntry> Decisions)
{
    /// <summary><c>main: oleks/container/cms-plugins</c>.</summary>
    public string Title => $"{Registry}: {(Owner is null ? "" : Owner + "/")}{Type}/{Package}";

    /// <summary><c>main:oleks/container/cms-plugins</c>, without spaces (filters, the per-package bytes).</summary>
    public string Key => PackageKey(Registry, Owner, Type, Package);

    public int Keep => Decisions.Count(d => d.Action == "keep");

    public int Delete => Decisions.Count(d => d.Action == "delete");

    /// <summary>Bytes freed by this package's deletes, when the registry told sizes.</summary>
    public long? ReclaimableBytes { get; init; }

    /// <summary>Groups in first-seen order, so every format lists packages as the JSON does.</summary>
    public static ImmutableArray<PackageGroup> Of(RunReport report) =>
        [.. report.Decisions
            .GroupBy(d => (d.Registry, d.Owner, d.Type, d.Package))
            .Select(g => new PackageGroup(g.Key.Registry, g.Key.Owner, g.Key.Type, g.Key.Package, [.. g])
            {
                ReclaimableBytes = report.Summary.PackageBytes?.GetValueOrDefault(PackageKey(g.Key.Registry, g.Key.Owner, g.Key.Type, g.Key.Package)),
            })];

    /// <summary>The key of <see cref="Summary.PackageBytes"/>: <c>main:oleks/container/cms-plugins</c>.</summary>
    public static string PackageKey(string registry, string? owner, string type, string package) =>
        $"{registry}:{(owner is null ? "" : owner + "/")}{type}/{package}";
}
