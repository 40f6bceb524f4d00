using System.Collections.Immutable;

namespace OciCleanup.Pins.Protection;

/// <summary>The tags a tag rule picks now from a repository's tags, and the rule in words.</summary>
/// <param name="Tags">The picked tags, as the rule listed them.</param>
/// <param name="Rule">The rule, e.g. <c>filterTags '^staging$', alphabetical asc</c>.</param>
public sealed record PolicyPick(ImmutableArray<string> Tags, string Rule)
{
    /// <inheritdoc />
    public bool Equals(PolicyPick? other) => other is not null && Rule == other.Rule && Tags.SequenceEqual(other.Tags);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Rule, Tags.Length);
}
