using System.Collections.Immutable;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>
/// Neighbouring decisions of a package that say the same thing (same action, result and reasons):
/// shown as one line, <c>0.1.1 … 0.1.27 — 27 versions</c>, so 2,000 versions do not make 2,000 lines.
/// </summary>
internal sealed record DecisionRun(ImmutableArray<DecisionEntry> Decisions)
{
    /// <summary>Runs shorter than this are listed version by version.</summary>
    public const int MinimumToCollapse = 3;

    public DecisionEntry First => Decisions[0];

    public bool IsCollapsed => Decisions.Length >= MinimumToCollapse;

    /// <summary>One version, or <c>oldest … newest — N versions</c> (the report lists newest first).</summary>
    public string Versions => IsCollapsed
        ? $"{Decisions[^1].Version} … {Decisions[0].Version} — {Decisions.Length} versions"
        : string.Join(", ", Decisions.Select(d => d.Version));

    public static ImmutableArray<DecisionRun> Collapse(IEnumerable<DecisionEntry> decisions)
    {
        var runs = ImmutableArray.CreateBuilder<DecisionRun>();
        var current = new List<DecisionEntry>();
        foreach (var decision in decisions)
        {
            if (current.Count > 0 && !SaysTheSame(current[0], decision))
            {
                Flush(current, runs);
            }

            current.Add(decision);
        }

        Flush(current, runs);
        return runs.ToImmutable();
    }

    private static void Flush(List<DecisionEntry> current, ImmutableArray<DecisionRun>.Builder runs)
    {
        if (current.Count >= MinimumToCollapse)
        {
            runs.Add(new DecisionRun([.. current]));
        }
        else
        {
            runs.AddRange(current.Select(d => new DecisionRun([d])));
        }

        current.Clear();
    }

    private static bool SaysTheSame(DecisionEntry a, DecisionEntry b) =>
        a.Action == b.Action && a.Result == b.Result && a.ResultDetail is null && b.ResultDetail is null
        && a.Reasons.SequenceEqual(b.Reasons);
}
