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
}
