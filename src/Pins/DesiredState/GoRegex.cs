using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace OciCleanup.Pins.DesiredState;

/// <summary>
/// A Go (RE2) pattern from a Flux object (<c>filterTags.pattern</c>, <c>semverFilter</c>) read by .NET.
/// <c>(?P&lt;name&gt;…)</c> becomes <c>(?&lt;name&gt;…)</c> and <c>\Q…\E</c> is quoted; syntax .NET would read
/// differently (POSIX classes, class subtraction) is refused rather than guessed. Whether a tag
/// matches is asked of the linear-time engine; the match itself (for <c>extract</c>) of the
/// backtracking engine under a timeout, because .NET's NonBacktracking engine can report a later match
/// than Go's leftmost-first one. Equal by <see cref="Pattern"/>.
/// A pattern is compiled once per process: a fleet's ImagePolicies mostly share a handful of patterns,
/// and each linear-time engine grows its own state cache while it matches (~90 KB a pattern at 70 tags,
/// 27 MB for 300 policies read apart; bench/Scale, issue 24).
/// </summary>
public sealed class GoRegex : IEquatable<GoRegex>
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    // Bounded: a daemon reads new objects every night, and a fleet with more patterns than this compiles the rest per use.
    private const int MaxCompiled = 512;
    private static readonly ConcurrentDictionary<string, GoRegex> Compiled = new(StringComparer.Ordinal);
    private readonly Regex admits;
    private readonly Regex matcher;

    private GoRegex(string pattern, string dotNetPattern, ImmutableArray<string?> groups)
    {
        Pattern = pattern;
        admits = new Regex(dotNetPattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        matcher = new Regex(dotNetPattern, RegexOptions.CultureInvariant, MatchTimeout);
        Groups = groups;
    }

    /// <summary>The pattern as written in the Flux object.</summary>
    public string Pattern { get; }

    /// <summary>Go's capture groups in Go's numbering (group 1 first): each one's name, or null when unnamed.</summary>
    public ImmutableArray<string?> Groups { get; }

    /// <summary>Reads a Go pattern, or says why it cannot be read faithfully.</summary>
    public static bool TryParse(string pattern, [NotNullWhen(true)] out GoRegex? regex, out string error)
    {
        if (Compiled.TryGetValue(pattern, out regex))
        {
            error = "";
            return true;
        }

        if (!GoPatternSyntax.TryTranslate(pattern, out var dotNet, out var groups, out error))
        {
            error = $"pattern '{pattern}' {error}";
            return false;
        }

        try
        {
            regex = new GoRegex(pattern, dotNet, groups);
            if (Compiled.Count < MaxCompiled)
            {
                regex = Compiled.GetOrAdd(pattern, regex);
            }

            return true;
        }
        catch (NotSupportedException e)
        {
            // Lookaround, backreferences, atomic groups: RE2 has none, and .NET would only backtrack.
            error = $"pattern '{pattern}' cannot run in linear time: {e.Message}";
            return false;
        }
        catch (ArgumentException e)
        {
            error = $"pattern '{pattern}' does not parse: {e.Message}";
            return false;
        }
    }

    /// <summary>Whether the pattern matches anywhere in <paramref name="text"/> (Go's <c>MatchString</c>: not anchored).</summary>
    public bool IsMatch(string text) => admits.IsMatch(text);

    /// <summary>Go's leftmost-first match in <paramref name="text"/>.</summary>
    /// <exception cref="RegexMatchTimeoutException">The pattern backtracks too much on this text.</exception>
    public Match Match(string text) => matcher.Match(text);

    /// <inheritdoc />
    public bool Equals(GoRegex? other) => other is not null && Pattern == other.Pattern;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as GoRegex);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Pattern);

    /// <inheritdoc />
    public override string ToString() => Pattern;
}
