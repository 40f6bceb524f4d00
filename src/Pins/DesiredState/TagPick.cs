using System.Collections.Immutable;

namespace OciCleanup.Pins.DesiredState;

/// <summary>
/// What a desired-state policy would pick from a repository's tags now: usually one tag, several when
/// Flux's own pick depends on an order oci-cleanup cannot know (all are protected), none when Flux
/// would fail; and what a person should be told about it.
/// </summary>
/// <param name="Tags">The tags to protect, as listed.</param>
/// <param name="Warnings">Why the pick is empty, uncertain or widened; empty when it is exactly Flux's.</param>
public sealed record TagPick(ImmutableArray<string> Tags, ImmutableArray<string> Warnings)
{
    /// <summary>Flux would pick nothing, for the reason given.</summary>
    public static TagPick Nothing(string warning) => new([], [warning]);

    /// <summary>Exactly these tags, nothing to say.</summary>
    public static TagPick Of(params IEnumerable<string> tags) => new([.. tags], []);

    /// <inheritdoc />
    public bool Equals(TagPick? other) =>
        other is not null && Tags.SequenceEqual(other.Tags) && Warnings.SequenceEqual(other.Warnings);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Tags.Length, Warnings.Length);
}
