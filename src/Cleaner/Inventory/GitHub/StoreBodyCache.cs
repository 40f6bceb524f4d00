using OciCleanup.Cleaner.Inventory.Store;
using OciCleanup.Pins;

namespace OciCleanup.Cleaner.Inventory.GitHub;

/// <summary>The body cache kept in <c>stateDir/manifests</c>, across runs (<see cref="ManifestBodyStore"/>: each entry hashed again on read).</summary>
internal sealed class StoreBodyCache(ManifestBodyStore store) : IManifestBodyCache
{
    public RawManifest? Get(Digest digest) => store.TryRead(digest);

    public void Put(RawManifest manifest) => store.Write(manifest);
}
