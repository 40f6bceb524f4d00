using System.Text.RegularExpressions;
using OciCleanup.Pins.PinsFiles;

namespace OciCleanup.Pins.Protection;

/// <summary>What a protection covers; matched against registry versions by the cleaner.</summary>
public abstract record ProtectionTarget;

/// <summary>The versions a pins-file rule names.</summary>
public sealed record PinTarget(PinRule Rule) : ProtectionTarget;

/// <summary>The version an image reference names: its tag, its digest, or both.</summary>
public sealed record ImageTarget(ImageReference Image) : ProtectionTarget;

/// <summary>Every tag of an image that matches a pattern (a Flux ImagePolicy's <c>filterTags.pattern</c>).</summary>
public sealed record TagPatternTarget(string Registry, string Repository, Regex Pattern) : ProtectionTarget
{
    /// <inheritdoc />
    public bool Equals(TagPatternTarget? other) =>
        other is not null && Registry == other.Registry && Repository == other.Repository && Pattern.ToString() == other.Pattern.ToString();

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Registry, Repository, Pattern.ToString());
}
