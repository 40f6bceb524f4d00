using OciCleanup.Pins.PinsFiles;

namespace OciCleanup.Pins.Protection;

/// <summary>What a protection covers; matched against registry versions by the cleaner.</summary>
public abstract record ProtectionTarget;

/// <summary>The versions a pins-file rule names.</summary>
public sealed record PinTarget(PinRule Rule) : ProtectionTarget;

/// <summary>The version an image reference names: its tag, its digest, or both.</summary>
public sealed record ImageTarget(ImageReference Image) : ProtectionTarget;
