using Semver;

namespace OciCleanup.Pins.DesiredState;

/// <summary>
/// One comparison of a Flux semver range, e.g. <c>&gt;=1.2</c> or <c>~1.4</c>, evaluated the way
/// Masterminds/semver v3 (<c>constraints.go</c>) does, on <see cref="SemVersion"/> precedence
/// (build metadata ignored, prereleases below their release).
/// </summary>
/// <param name="Operator">As written after normalising synonyms: <c>=</c>, <c>!=</c>, <c>&gt;</c>, <c>&lt;</c>, <c>&gt;=</c>, <c>&lt;=</c>, <c>~</c>, <c>^</c>.</param>
/// <param name="Version">The version with wildcards and missing parts read as 0.</param>
/// <param name="Wildcard">Which part was a wildcard or missing.</param>
internal sealed record SemverConstraint(string Operator, SemVersion Version, SemverWildcard Wildcard)
{
    /// <summary>Whether <paramref name="v"/> satisfies this comparison.</summary>
    /// <param name="v">The candidate version.</param>
    /// <param name="includePrerelease">True when the AND-group names a prerelease: only then can a prerelease pass.</param>
    public bool Admits(SemVersion v, bool includePrerelease)
    {
        if (v.IsPrerelease && !includePrerelease)
        {
            return false;
        }

        var c = SemVersion.ComparePrecedence(v, Version);
        return Operator switch
        {
            "=" => Wildcard == SemverWildcard.None ? c == 0 : Tilde(v, c),
            "!=" => NotEqual(v, c),
            ">" => GreaterThan(v, c),
            "<" => c < 0,
            ">=" => c >= 0,
            "<=" => LessOrEqual(v, c),
            "~" => Tilde(v, c),
            "^" => Caret(v, c),
            _ => throw new InvalidOperationException($"unknown operator '{Operator}'"),
        };
    }

    private bool NotEqual(SemVersion v, int c) => Wildcard switch
    {
        _ when Wildcard != SemverWildcard.None && v.Major != Version.Major => true,
        SemverWildcard.Minor => false,
        SemverWildcard.Major or SemverWildcard.Patch when v.Minor != Version.Minor => true,
        SemverWildcard.Patch => v.Prerelease != Version.Prerelease,
        SemverWildcard.Major when v.Patch != Version.Patch => true,
        _ => c != 0,
    };

    private bool GreaterThan(SemVersion v, int c) => Wildcard switch
    {
        SemverWildcard.None => c > 0,
        _ when v.Major != Version.Major => v.Major > Version.Major,
        SemverWildcard.Minor => false,
        SemverWildcard.Patch => v.Minor > Version.Minor,
        _ => c > 0,
    };

    private bool LessOrEqual(SemVersion v, int c) => Wildcard switch
    {
        SemverWildcard.None => c <= 0,
        _ when v.Major > Version.Major => false,
        SemverWildcard.Minor => true,
        _ => v.Major != Version.Major || v.Minor <= Version.Minor,
    };

    // ~1.2.3 is >=1.2.3 <1.3.0; ~1 and ~1.x are >=1.0.0 <2.0.0; ~0.0.0 (not ~0 or ~0.0) admits anything.
    private bool Tilde(SemVersion v, int c) =>
        c >= 0
        && ((Version.Major.IsZero && Version.Minor.IsZero && Version.Patch.IsZero && Wildcard is SemverWildcard.None or SemverWildcard.Major)
            || (v.Major == Version.Major && (v.Minor == Version.Minor || Wildcard == SemverWildcard.Minor)));

    // ^1.2.3 is >=1.2.3 <2.0.0; ^0.2.3 is <0.3.0; ^0.0.3 is =0.0.3; a wildcard major (^*) is treated as 0.0.0.
    private bool Caret(SemVersion v, int c)
    {
        if (c < 0)
        {
            return false;
        }

        if (!Version.Major.IsZero || Wildcard == SemverWildcard.Minor)
        {
            return v.Major == Version.Major;
        }

        if (!v.Major.IsZero)
        {
            return false;
        }

        if (!Version.Minor.IsZero || Wildcard == SemverWildcard.Patch)
        {
            return v.Minor == Version.Minor;
        }

        return v.Minor.IsZero && v.Patch == Version.Patch;
    }
}
