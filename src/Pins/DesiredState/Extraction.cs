using System.Collections.Immutable;

namespace OciCleanup.Pins.DesiredState;

/// <summary>What an extractor found in one object: protections, and what it could not resolve (report <c>warnings</c>).</summary>
/// <param name="Protections">What the object protects.</param>
/// <param name="Warnings">What a person should know, each naming the object.</param>
public sealed record Extraction(ImmutableArray<Protection.Protection> Protections, ImmutableArray<Protection.SourceWarning> Warnings);
