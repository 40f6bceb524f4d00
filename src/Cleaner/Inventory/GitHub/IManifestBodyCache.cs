using OciCleanup.Pins;

namespace OciCleanup.Cleaner.Inventory.GitHub;

/// <summary>
/// Manifest bodies by digest, kept across runs: on GitHub every manifest read counts as a download
/// (and a public version past 5,000 can no longer be deleted), and a digest's body never changes, so
/// each body is read from ghcr.io at most once ever.
/// </summary>
internal interface IManifestBodyCache
{
    RawManifest? Get(Digest digest);

    void Put(RawManifest manifest);
}
