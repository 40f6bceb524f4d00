using System.Collections.Immutable;

namespace OciCleanup.Cleaner.Inventory;

/// <summary>Fills in each container version's manifest digest, media type and index children.</summary>
internal interface IManifestReader
{
    Task<ImmutableArray<PackageVersion>> DescribeAsync(ImmutableArray<PackageVersion> versions, CancellationToken cancellationToken);
}
