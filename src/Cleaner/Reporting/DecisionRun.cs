using System.Collections.Immutable;
using System.Globalization;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>
/// Neighbouring decisions of a package that are one numbered sequence (<see cref="VersionSequence"/>)
/// and say the same thing (same action, result and reasons): shown as one line,
/// <c>0.1.1 … 0.1.27 — 27 versions</c>, so 2,000 versions do not make 2,000 lines. Anything else — a
/// floating tag like <c>stable</c> among them, a digest, a version out of order, a version whose
/// manifest has another tag in the package (so tags of one build are seen together) — breaks the run
/// and has a line of its own, so folding never hides a decision.
/// </summary>
internal sealed record DecisionRun(ImmutableArray<DecisionEntry> Decisions)
{
    /// <summary>Runs shorter than this are listed version by version.</summary>
    public const int MinimumToCollapse = 3;

    /// <summary>Shown for a run whose versions are not one manifest.</summary>
    public const string SeveralDigests = "various";

    public DecisionEntry First => Decisions[0];

    public bool IsCollapsed => Decisions.Length >= MinimumToCollapse;

    /// <summary>One version, or <c>oldest … newest — N versions</c> (the report lists newest first).</summary>
    public string Versions => IsCollapsed
        ? $"{Decisions[^1].Version} … {Decisions[0].Version} — {Decisions.Length} versions"
        : string.Join(", ", Decisions.Select(d => d.Version));

    /// <summary><c>2026-05-03</c>, or the span of a run, oldest to newest: <c>2026-05-03 – 05-06</c> (the year once when it is one).</summary>
    public string Created
    {
        get
        {
            var oldest = Decisions.Min(d => d.CreatedAt).UtcDateTime;
            var newest = Decisions.Max(d => d.CreatedAt).UtcDateTime;
            var first = oldest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return oldest.Date == newest.Date ? first
                : $"{first} – {newest.ToString(oldest.Year == newest.Year ? "MM-dd" : "yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        }
    }

    /// <summary>The short digest (<see cref="ShortDigest"/>) of its versions, <see cref="SeveralDigests"/> when they differ, "" when none has one.</summary>
    public string Digest => Decisions.Select(d => d.Digest).Distinct().ToList() switch
    {
        [var one] => ShortDigest.Of(one),
        _ => SeveralDigests,
    };

    /// <param name="decisions">One package's decisions, in the report's order.</param>
    public static ImmutableArray<DecisionRun> Collapse(IReadOnlyCollection<DecisionEntry> decisions)
    {
        var digests = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var digest in decisions.Select(d => d.Digest).OfType<string>())
        {
            digests[digest] = digests.GetValueOrDefault(digest) + 1;
        }

        var runs = ImmutableArray.CreateBuilder<DecisionRun>();
        var current = new List<DecisionEntry>();
        foreach (var decision in decisions)
        {
            var alone = decision.Digest is { } digest && digests[digest] > 1;
            if (current.Count > 0 && (alone || !Continues(current[0], current[^1], decision)))
            {
                Flush(current, runs);
            }

            current.Add(decision);
            if (alone)
            {
                Flush(current, runs);
            }
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

    private static bool Continues(DecisionEntry first, DecisionEntry previous, DecisionEntry next) =>
        SaysTheSame(first, next) && VersionSequence.Follows(previous.Version, next.Version);

    private static bool SaysTheSame(DecisionEntry a, DecisionEntry b) =>
        a.Action == b.Action && a.Result == b.Result && a.ResultDetail is null && b.ResultDetail is null
        && a.Reasons.SequenceEqual(b.Reasons);
}
