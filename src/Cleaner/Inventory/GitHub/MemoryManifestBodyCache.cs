using System.Collections.Concurrent;
using OciCleanup.Pins;

namespace OciCleanup.Cleaner.Inventory.GitHub;

/// <summary>Bodies for one process's life, where no state directory is at hand.</summary>
internal sealed class MemoryManifestBodyCache : IManifestBodyCache
{
    private readonly ConcurrentDictionary<Digest, RawManifest> _bodies = new();

    public RawManifest? Get(Digest digest) => _bodies.TryGetValue(digest, out var body) ? body : null;

    public void Put(RawManifest manifest) => _bodies[manifest.Digest] = manifest;
}
