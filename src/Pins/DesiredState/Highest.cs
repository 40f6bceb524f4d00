using System.Collections.Immutable;
using Semver;

namespace OciCleanup.Pins.DesiredState;

/// <summary>The highest versions by precedence, every one of them when several are equal.</summary>
internal static class Highest
{
    public static ImmutableArray<string> Of(IEnumerable<(string Tag, SemVersion Version)> candidates)
    {
        var best = ImmutableArray.CreateBuilder<string>();
        SemVersion? top = null;
        foreach (var (tag, version) in candidates)
        {
            var c = top is null ? 1 : version.ComparePrecedenceTo(top);
            if (c > 0)
            {
                best.Clear();
                top = version;
            }

            if (c >= 0)
            {
                best.Add(tag);
            }
        }

        return best.ToImmutable();
    }

    /// <summary>
    /// What Flux would pick among the candidates: the highest; all of them, with a warning, when several
    /// are equal (Flux's choice then depends on listing order); nothing when there is none.
    /// </summary>
    /// <param name="candidates">The tags with their versions, in listing order.</param>
    /// <param name="subject">Who picks, as the warnings start.</param>
    /// <param name="noun">What the candidates are called, e.g. <c>tags</c>.</param>
    /// <param name="none">Why nothing is picked, when there is no candidate.</param>
    public static TagPick Pick(IEnumerable<(string Tag, SemVersion Version)> candidates, string subject, string noun, string none)
    {
        var best = Of(candidates);
        return best.Length switch
        {
            0 => TagPick.Nothing($"{subject}: {none}"),
            1 => TagPick.Of(best),
            _ => new TagPick(best, [$"{subject}: {noun} {string.Join(", ", best)} are equal versions and Flux's choice depends on listing order: all are protected"]),
        };
    }
}
