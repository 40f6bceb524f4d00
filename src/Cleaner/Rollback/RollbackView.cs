using System.Collections.Immutable;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Rollback;

/// <summary>What the rollback window says in one run, before anything is saved.</summary>
/// <param name="Source">The <c>state:rollback</c> source: the window's protections, or its failure; null when the window is off.</param>
/// <param name="Record">The record with this run folded in (saved only after a trusted run); null when off or unreadable.</param>
/// <param name="Deploys">Every earlier deploy of every object that names something now.</param>
internal sealed record RollbackView(SourceResult? Source, RollbackRecord? Record, ImmutableArray<Deploy> Deploys)
{
    public const string SourceName = "state:rollback";

    public static RollbackView Off { get; } = new(null, null, []);
}
