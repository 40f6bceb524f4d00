using System.Collections.Immutable;

namespace OciCleanup.Pins.Protection;

/// <summary>What one reference source (a pins file, a cluster) yielded.</summary>
/// <param name="Name">E.g. <c>pins:/etc/registry-pins.txt</c> or <c>cluster:armer</c>.</param>
/// <param name="Status">Whether the source was read completely.</param>
/// <param name="Protections">What it protects; empty when it failed.</param>
/// <param name="Error">Why it failed, free of credentials.</param>
/// <param name="Notes">Things worth saying that are not failures, e.g. a CRD that is not installed.</param>
public sealed record SourceResult(
    string Name,
    SourceStatus Status,
    ImmutableArray<Protection> Protections,
    string? Error,
    ImmutableArray<string> Notes)
{
    /// <summary>
    /// The API groups this source saw served (a cluster's Flux groups, e.g. <c>helm.toolkit.fluxcd.io</c>).
    /// A group served in the last trusted run and gone now means the source sees less than it did:
    /// the cleaner blocks on that as on a shrunken protected set.
    /// </summary>
    public ImmutableArray<string> ServedGroups { get; init; } = [];

    /// <summary>What the source could not resolve but did not fail on; the report lists these as warnings.</summary>
    public ImmutableArray<SourceWarning> Warnings { get; init; } = [];

    /// <summary>A source read completely.</summary>
    public static SourceResult Ok(string name, IEnumerable<Protection> protections, IEnumerable<string>? notes = null) =>
        new(name, SourceStatus.Ok, [.. protections], null, [.. notes ?? []]);

    /// <summary>A source that could not be read.</summary>
    public static SourceResult Failed(string name, string error) =>
        new(name, SourceStatus.Failed, [], error, []);
}
