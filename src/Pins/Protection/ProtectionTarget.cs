using OciCleanup.Pins.PinsFiles;

namespace OciCleanup.Pins.Protection;

/// <summary>What a protection covers; matched against registry versions by the cleaner.</summary>
public abstract record ProtectionTarget;

/// <summary>The versions a pins-file rule names.</summary>
public sealed record PinTarget(PinRule Rule) : ProtectionTarget;

/// <summary>The version an image reference names: its tag, its digest, or both.</summary>
public sealed record ImageTarget(ImageReference Image) : ProtectionTarget;

/// <summary>
/// A tag with no repository (Helm values whose repository lives in the chart's defaults): the tag in
/// every container package of the configured registries that has it.
/// </summary>
public sealed record AnyPackageTagTarget(string Tag) : ProtectionTarget;

/// <summary>
/// A digest with no repository (Helm values <c>image: {tag: staging, digest: sha256:…}</c> that Flux image
/// automation writes where the chart holds the repository): every version with that digest in every
/// container package of the configured registries.
/// </summary>
public sealed record AnyPackageDigestTarget(Digest Digest) : ProtectionTarget;
