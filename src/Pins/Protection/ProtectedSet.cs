using System.Collections.Immutable;

namespace OciCleanup.Pins.Protection;

/// <summary>
/// The union of every reference source: each protection with its reason, and how each source went.
/// Built by <see cref="Merge"/>, a pure function.
/// </summary>
public sealed record ProtectedSet(ImmutableArray<Protection> Protections, ImmutableArray<SourceResult> Sources)
{
    /// <summary>An empty set with no sources.</summary>
    public static ProtectedSet Empty { get; } = new([], []);

    /// <summary>The sources that failed; any of them blocks deletes when failing closed.</summary>
    public ImmutableArray<SourceResult> FailedSources => [.. Sources.Where(s => s.Status == SourceStatus.Failed)];

    /// <summary>Merges sources, keeping each distinct (target, reason) once, in source order.</summary>
    public static ProtectedSet Merge(IEnumerable<SourceResult> sources)
    {
        var all = sources.ToImmutableArray();
        var seen = new HashSet<Protection>();
        var protections = ImmutableArray.CreateBuilder<Protection>();
        foreach (var protection in all.SelectMany(s => s.Protections))
        {
            if (seen.Add(protection))
            {
                protections.Add(protection);
            }
        }

        return new ProtectedSet(protections.ToImmutable(), all);
    }
}
