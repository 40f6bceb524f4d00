using System.Collections.Immutable;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Planning;

/// <summary>
/// The per-source breaker (<c>maxProtectedShrink</c>, docs/configuration.md, "A partial picture never deletes"). Each reference source is compared
/// with its own baseline, so one cluster answering 200 with nothing (wrong context, RBAC hiding
/// namespaces) blocks even when other sources keep the fleet-wide count up. Pure.
/// </summary>
internal static class ShrinkBreaker
{
    /// <summary>The distinct targets a source names: the number a baseline keeps.</summary>
    public static int Targets(SourceResult source) => source.Protections.Select(p => p.Target).Distinct().Count();

    public static ImmutableArray<ShrinkFinding> Check(
        IEnumerable<SourceResult> sources,
        IReadOnlyDictionary<string, SourceBaseline> baselines,
        double maxProtectedShrink,
        IReadOnlySet<string> accepted)
    {
        var findings = ImmutableArray.CreateBuilder<ShrinkFinding>();
        foreach (var source in sources.Where(s => s.Status == SourceStatus.Ok))
        {
            if (!baselines.TryGetValue(source.Name, out var baseline))
            {
                continue; // a new source: its first trusted run sets its baseline
            }

            var now = Targets(source);
            var gone = baseline.ServedGroups.Except(source.ServedGroups, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
            var tooFew = baseline.Targets > 0 && (now == 0 || now < baseline.Targets * (1 - maxProtectedShrink));
            if (tooFew || !gone.IsEmpty)
            {
                findings.Add(new ShrinkFinding(source.Name, baseline.Targets, now, gone, accepted.Contains(source.Name)));
            }
        }

        return findings.ToImmutable();
    }

    /// <summary>The baselines a trusted run leaves: every source as it is now.</summary>
    public static ImmutableDictionary<string, SourceBaseline> Next(IEnumerable<SourceResult> sources) =>
        sources.Where(s => s.Status == SourceStatus.Ok)
            .ToImmutableDictionary(s => s.Name, s => new SourceBaseline(Targets(s), [.. s.ServedGroups.Order(StringComparer.Ordinal)]));
}
