using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Semver;

namespace OciCleanup.Pins.DesiredState;

/// <summary>
/// A semver range as Flux reads it: Masterminds/semver v3 <c>NewConstraint</c> (image-reflector-controller
/// <c>semver.range</c>, source-controller OCIRepository <c>ref.semver</c> and chart versions).
/// <c>||</c> separates OR-groups; inside one, space or <c>,</c> means AND; <c>1.2 - 1.4.5</c> is
/// <c>&gt;=1.2 &lt;=1.4.5</c>; operators <c>= != &gt; &lt; &gt;= =&gt; &lt;= =&lt; ~ ~&gt; ^</c>;
/// <c>x</c>/<c>X</c>/<c>*</c> or missing parts are wildcards; each version may start with <c>v</c>.
/// A prerelease satisfies a group only when one of that group's versions names a prerelease, and then
/// any prerelease in range does (<c>^1.1.2-alpha</c> admits <c>1.2.1-beta1</c>).
/// Equal by <see cref="Text"/>.
/// </summary>
/// <remarks>
/// Not the Semver package's <c>SemVersionRange</c>: its npm ranges admit a prerelease only on the same
/// major.minor.patch, have no <c>!=</c>, <c>,</c>, <c>=&gt;</c> or <c>=&lt;</c>, read <c>~0.0.0</c> and
/// <c>&lt;1.2</c> differently. The grammar is Masterminds' and each comparison is evaluated on
/// <see cref="SemVersion"/> precedence, which orders versions as Masterminds' <c>Compare</c> does.
/// </remarks>
public sealed class FluxSemverRange : IEquatable<FluxSemverRange>
{
    private readonly ImmutableArray<ImmutableArray<SemverConstraint>> groups;

    private FluxSemverRange(string text, ImmutableArray<ImmutableArray<SemverConstraint>> groups)
    {
        Text = text;
        this.groups = groups;
    }

    /// <summary>The range as written.</summary>
    public string Text { get; }

    /// <summary>Parses a range, or says why Flux would refuse it.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out FluxSemverRange? range, out string error)
    {
        range = null;
        error = "";
        if (text is null)
        {
            error = "no semver range";
            return false;
        }

        try
        {
            var builder = ImmutableArray.CreateBuilder<ImmutableArray<SemverConstraint>>();
            foreach (var group in SemverGrammar.RewriteHyphenRanges(text).Split("||"))
            {
                if (!SemverGrammar.TryParseGroup(group, out var constraints))
                {
                    error = $"semver range '{text}': '{group.Trim()}' is not a constraint Flux accepts";
                    return false;
                }

                builder.Add(constraints);
            }

            range = new FluxSemverRange(text, builder.ToImmutable());
            return true;
        }
        catch (RegexMatchTimeoutException)
        {
            error = $"semver range '{text}' could not be read in time";
            return false;
        }
    }

    /// <summary>Parses a range or throws <see cref="FormatException"/>.</summary>
    public static FluxSemverRange Parse(string text) =>
        TryParse(text, out var range, out var error) ? range : throw new FormatException(error);

    /// <summary>Whether a version is in the range: every comparison of at least one OR-group admits it.</summary>
    public bool Contains(SemVersion version) =>
        groups.Any(group =>
        {
            var includePrerelease = group.Any(c => c.Version.IsPrerelease);
            return group.All(c => c.Admits(version, includePrerelease));
        });

    /// <inheritdoc />
    public bool Equals(FluxSemverRange? other) => other is not null && Text == other.Text;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FluxSemverRange);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <inheritdoc />
    public override string ToString() => Text;
}
