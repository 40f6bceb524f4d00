using System.Collections.Frozen;
using System.Collections.Immutable;
using OciCleanup.Cleaner.Reporting;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.History;

/// <summary>
/// What changed between two stored runs (<c>diff</c>, docs/reports.md, "History, stored reports and diff"): versions newly planned for deletion;
/// versions that lost or gained protection, with the reference (pins line, cluster object) that
/// stopped or started naming them — "why did staging lose its protection?"; and the deletes the
/// later run did. Pure.
/// </summary>
internal sealed record ReportDiff(
    ImmutableArray<string> NewlyPlannedDeletes,
    ImmutableArray<string> LostProtection,
    ImmutableArray<string> GainedProtection,
    ImmutableArray<string> Deleted)
{
    /// <summary>Versions the rollback window kept before and no longer keeps (docs/references.md, "Rollback window"): the next run may delete them.</summary>
    public ImmutableArray<string> LeftRollbackWindow { get; init; } = [];

    private static readonly FrozenSet<string> Protecting = FrozenSet.Create(
        StringComparer.Ordinal,
        ReasonKind.Pin, ReasonKind.Workload, ReasonKind.ReplicaSetHistory, ReasonKind.HelmRelease, ReasonKind.HelmReleaseSuspended,
        ReasonKind.ImagePolicy, ReasonKind.Kustomization, ReasonKind.FluxSource, ReasonKind.Git, ReasonKind.Rollback, ReasonKind.IndexChild, ReasonKind.Artifact);

    public static ReportDiff Of(RunReport before, RunReport after)
    {
        var old = before.Decisions.ToDictionary(Key);
        var planned = ImmutableArray.CreateBuilder<string>();
        var lost = ImmutableArray.CreateBuilder<string>();
        var gained = ImmutableArray.CreateBuilder<string>();
        foreach (var d in after.Decisions)
        {
            var was = old.GetValueOrDefault(Key(d));
            if (d.Action == "delete" && was?.Action != "delete")
            {
                planned.Add($"{Key(d)}: {string.Join("; ", d.Reasons.Select(r => $"{r.Kind} ({r.Detail})"))}");
            }

            var now = Protections(d);
            var then = was is null ? [] : Protections(was);
            lost.AddRange(then.Except(now).Select(p => $"{Key(d)}: no longer named by {p}"));
            gained.AddRange(now.Except(then).Select(p => $"{Key(d)}: now named by {p}"));
        }

        var deleted = after.Decisions.Where(d => d.Result == "deleted").Select(Key);
        return new ReportDiff(planned.ToImmutable(), lost.ToImmutable(), gained.ToImmutable(), [.. deleted]) { LeftRollbackWindow = LeftWindow(before, after) };
    }

    private static ImmutableArray<string> LeftWindow(RunReport before, RunReport after)
    {
        var now = after.Decisions.ToDictionary(Key);
        return [.. from was in before.Decisions
                   let window = was.Reasons.FirstOrDefault(r => r.Kind == Rollback.RollbackReasons.Kind)
                   where window is not null
                   let d = now.GetValueOrDefault(Key(was))
                   where d is null || !d.Reasons.Any(r => r.Kind == Rollback.RollbackReasons.Kind)
                   select $"{Key(was)}: left the rollback window (it {window.Detail}){(d is null ? "; no longer in the registry" : d.Action == "delete" ? "; now planned for deletion" : "")}"];
    }

    private static string Key(DecisionEntry d) => d.Key.ToString();

    // A protection as "place (kind)": where it was seen, without what a policy's pick adds, so the
    // same object naming a version with another pick is not a change of protection.
    private static HashSet<string> Protections(DecisionEntry d) =>
        [.. d.Reasons.Where(r => Protecting.Contains(r.Kind)).Select(r => $"{r.Origin.Place} ({r.Kind})")];
}
