using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace OciCleanup.Pins.DesiredState;

/// <summary>
/// The text grammar of Masterminds/semver v3 constraints as .NET patterns. Go's <c>\s</c> is ASCII
/// white space only and Go's <c>$</c> is the end of the text, so both are spelled out; Masterminds lets
/// <c>|</c> into a version's number parts, and so do we. Whether a group is well formed is asked of the
/// linear-time engine (ranges come from cluster objects); where match positions matter, the backtracking
/// engine runs patterns that cannot backtrack far, under a timeout — .NET's NonBacktracking engine
/// sometimes reports a later match than the first (dotnet/runtime PR 130176, open in 2026).
/// </summary>
internal static partial class SemverGrammar
{
    private const string Ws = @"[\t\n\f\r ]";
    private const string Op = "(?:!=|>=|=>|<=|=<|~>|[=<>~^])";
    private const string Part = @"[0-9xX*|]+";
    private const string Ids = @"[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*";
    private const string Version = "v?" + Part + @"(?:\." + Part + @")?(?:\." + Part + ")?(?:-" + Ids + @")?(?:\+" + Ids + ")?";
    private const int TimeoutMs = 1000;

    /// <summary>Rewrites each <c>A - B</c> as <c>&gt;= A, &lt;= B </c>, white space around it included, as Masterminds does first.</summary>
    /// <exception cref="RegexMatchTimeoutException">The text is too convoluted to read in time.</exception>
    public static string RewriteHyphenRanges(string text) =>
        HyphenRange().Replace(text, m => $">= {m.Groups["from"].Value}, <= {m.Groups["to"].Value} ");

    /// <summary>Parses one OR-group: comparisons separated by white space or commas.</summary>
    /// <exception cref="RegexMatchTimeoutException">The text is too convoluted to read in time.</exception>
    public static bool TryParseGroup(string group, out ImmutableArray<SemverConstraint> constraints)
    {
        constraints = [];
        if (!Group().IsMatch(group))
        {
            return false;
        }

        var builder = ImmutableArray.CreateBuilder<SemverConstraint>();
        foreach (Match token in Comparison().Matches(group))
        {
            if (!TryParseComparison(token.Value, out var constraint))
            {
                return false;
            }

            builder.Add(constraint);
        }

        constraints = builder.ToImmutable();
        return true;
    }

    private static bool TryParseComparison(string text, [NotNullWhen(true)] out SemverConstraint? constraint)
    {
        constraint = null;
        var m = OneComparison().Match(text);
        var major = m.Groups["major"].Value;
        var minor = m.Groups["minor"].Value.TrimStart('.');
        var patch = m.Groups["patch"].Value.TrimStart('.');
        var pre = m.Groups["pre"].Value;
        var (version, wildcard) =
            IsWildcard(major) ? ("0.0.0" + pre, SemverWildcard.Major)
            : minor.Length == 0 || IsWildcard(minor) ? ($"{major}.0.0{pre}", SemverWildcard.Minor)
            : patch.Length == 0 || IsWildcard(patch) ? ($"{major}.{minor}.0{pre}", SemverWildcard.Patch)
            : (m.Groups["version"].Value, SemverWildcard.None);
        if (!m.Success || !FluxVersion.TryParseMasterminds(version, out var parsed))
        {
            return false;
        }

        var op = m.Groups["op"].Value switch
        {
            "" or "=" => "=",
            "=>" => ">=",
            "=<" => "<=",
            "~>" => "~",
            var other => other,
        };
        constraint = new SemverConstraint(op, parsed, wildcard);
        return true;
    }

    private static bool IsWildcard(string part) => part is "x" or "X" or "*";

    [GeneratedRegex(Ws + "*(?<from>" + Version + ")" + Ws + "+-" + Ws + "+(?<to>" + Version + ")" + Ws + "*", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex HyphenRange();

    [GeneratedRegex("^" + Ws + "*" + Op + "?" + Ws + "*" + Version + Ws + "*(?:(?:" + Ws + "+|," + Ws + "*)" + Op + "?" + Ws + "*" + Version + Ws + @"*)*\z", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Group();

    [GeneratedRegex(Op + "?" + Ws + "*" + Version, RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Comparison();

    [GeneratedRegex("^" + Ws + "*(?<op>" + Op + ")?" + Ws + "*(?<version>v?(?<major>" + Part + @")(?<minor>\." + Part + @")?(?<patch>\." + Part + ")?(?<pre>-" + Ids + @")?(?:\+" + Ids + ")?)" + Ws + @"*\z", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex OneComparison();
}
