using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using Semver;

namespace OciCleanup.Pins.DesiredState;

/// <summary>
/// Reads tags as versions the way Flux does, on top of <see cref="SemVersion"/>.
/// <see cref="TryParse"/> is fluxcd/pkg/version <c>ParseVersion</c> (image-reflector-controller's semver
/// policy, OCIRepository <c>ref.semver</c>, a chart version given as a range): the text must have at
/// least two dots, then Masterminds/semver v3 <c>NewVersion</c> reads it loosely — one lower-case
/// leading <c>v</c>, leading zeros in the numbers coerced (<c>1.0.02</c> is 1.0.2), minor and patch may
/// be missing before a prerelease (<c>1.2-rc.1</c> is 1.2.0-rc.1). <see cref="TryParseStrict"/> is
/// Masterminds <c>StrictNewVersion</c>, which Helm uses to list chart tags.
/// </summary>
public static class FluxVersion
{
    private const SemVersionStyles Loose = SemVersionStyles.AllowLowerV | SemVersionStyles.AllowLeadingZeros | SemVersionStyles.OptionalMinorPatch;
    private static readonly BigInteger MaxNumber = ulong.MaxValue;

    /// <summary>Parses a tag (or an extracted value) as Flux's semver policies do; false where Flux skips it.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out SemVersion? version) =>
        TryParseMasterminds(text, out version) && text!.Count(c => c == '.') >= 2;

    /// <summary>Masterminds <c>NewVersion</c> alone (no two-dot rule): the versions inside a range.</summary>
    public static bool TryParseMasterminds(string? text, [NotNullWhen(true)] out SemVersion? version)
    {
        version = null;
        if (string.IsNullOrEmpty(text) || !SemVersion.TryParse(text, Loose, out var parsed))
        {
            return false;
        }

        // The library accepts and strips leading zeros in numeric prerelease identifiers too
        // (AllowLeadingZeros); Masterminds rejects them ("1.0.0-rc.01"), so look at the text as written.
        var plus = text.IndexOf('+', StringComparison.Ordinal);
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0 && (plus < 0 || dash < plus) && HasLeadingZeroNumber(text[(dash + 1)..(plus < 0 ? text.Length : plus)]))
        {
            return false;
        }

        version = FitsMasterminds(parsed) ? parsed : null;
        return version is not null;
    }

    /// <summary>Masterminds <c>StrictNewVersion</c>: SemVer 2.0 exactly, no <c>v</c>, numbers within 64 bits.</summary>
    public static bool TryParseStrict(string? text, [NotNullWhen(true)] out SemVersion? version)
    {
        version = null;
        if (string.IsNullOrEmpty(text) || !SemVersion.TryParse(text, SemVersionStyles.Strict, out var parsed))
        {
            return false;
        }

        version = FitsMasterminds(parsed) ? parsed : null;
        return version is not null;
    }

    // Masterminds keeps major, minor and patch in uint64 and fails on anything larger; the library uses BigInteger.
    private static bool FitsMasterminds(SemVersion v) => v.Major <= MaxNumber && v.Minor <= MaxNumber && v.Patch <= MaxNumber;

    private static bool HasLeadingZeroNumber(string prerelease) =>
        prerelease.Split('.').Any(id => id.Length > 1 && id[0] == '0' && id.All(char.IsAsciiDigit));
}
