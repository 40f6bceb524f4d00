using System.Collections.Immutable;
using OciCleanup.Cleaner.Inventory;

namespace OciCleanup.Cleaner.Planning;

/// <summary>What the protected set names in the inventory.</summary>
/// <param name="Protections">The reasons each protected version is protected.</param>
/// <param name="Warnings">References protected only by path on an unconfigured host; pins that match nothing; references to versions a configured registry does not hold.</param>
/// <param name="PinMatches">For each pin line (<c>FILE:LINE</c>), how many versions it matched.</param>
internal sealed record MatchResult(
    ImmutableDictionary<VersionKey, ImmutableArray<Reason>> Protections,
    ImmutableArray<ReportWarning> Warnings,
    ImmutableDictionary<string, int> PinMatches);
