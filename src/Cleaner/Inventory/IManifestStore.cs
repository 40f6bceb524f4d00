namespace OciCleanup.Cleaner.Inventory;

/// <summary>
/// A registry's manifests as bytes, for the audit trail and <c>restore</c>: read one before deleting
/// it, check that the blobs it needs are still there, and push it back by digest and tag.
/// </summary>
internal interface IManifestStore
{
    Task<RawManifest?> GetAsync(PackageKey package, string reference, CancellationToken cancellationToken);

    Task<bool> HasBlobAsync(PackageKey package, Pins.Digest digest, CancellationToken cancellationToken);

    Task<bool> HasManifestAsync(PackageKey package, Pins.Digest digest, CancellationToken cancellationToken);

    Task PutAsync(PackageKey package, string reference, RawManifest manifest, CancellationToken cancellationToken);
}
