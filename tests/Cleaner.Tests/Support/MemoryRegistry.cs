using OciCleanup.Pins;

namespace OciCleanup.Cleaner.Tests.Support;

/// <summary>
/// A distribution registry in memory, for the executor and the restorer: tags point at manifests, and
/// a DELETE by digest removes every tag of that manifest, as the OCI distribution API does.
/// </summary>
internal sealed class MemoryRegistry(RegistryConfig config) : IRegistry, IManifestStore
{
    private readonly Dictionary<string, Digest> _tags = new(StringComparer.Ordinal);
    private readonly Dictionary<Digest, RawManifest> _manifests = [];

    public RegistryConfig Config => config;

    public IManifestStore Manifests => this;

    /// <summary>References whose PUT is answered with a server error.</summary>
    public HashSet<string> FailingPuts { get; } = new(StringComparer.Ordinal);

    public List<string> Puts { get; } = [];

    public Digest? this[string tag] => _tags.TryGetValue(tag, out var d) ? d : null;

    public RawManifest Push(string tag, string seed)
    {
        var manifest = new RawManifest(System.Text.Encoding.UTF8.GetBytes($$$"""{"schemaVersion":2,"layers":[],"annotations":{"seed":"{{{seed}}}"}}"""), "application/vnd.oci.image.manifest.v1+json");
        _manifests[manifest.Digest] = manifest;
        _tags[tag] = manifest.Digest;
        return manifest;
    }

    public Task<ImmutableArray<PackageVersion>> ListVersionsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<ImmutableArray<PackageVersion>>([.. _tags.Select(t => new PackageVersion(config.Name, null, "container", "team/app", t.Key, t.Value, Some.Now.AddDays(-90)))]);

    public Task<PackageVersion?> RereadAsync(PackageVersion version, CancellationToken cancellationToken) =>
        Task.FromResult(this[version.Version] is { } d ? version with { Digest = d } : null);

    public Task<Digest?> ResolveDigestAsync(PackageKey package, string reference, CancellationToken cancellationToken) =>
        Task.FromResult(Digest.TryParse(reference, out var digest) ? _manifests.ContainsKey(digest.Value) ? digest : null : this[reference]);

    public Task<VersionBlobs?> BlobsAsync(PackageVersion version, CancellationToken cancellationToken) => Task.FromResult<VersionBlobs?>(null);

    public Task<bool> DeleteAsync(PackageVersion version, CancellationToken cancellationToken)
    {
        var removed = _tags.Where(t => t.Value == version.Digest).Select(t => t.Key).ToList();
        removed.ForEach(tag => _tags.Remove(tag));
        return Task.FromResult(removed.Count > 0);
    }

    public Task<RawManifest?> GetAsync(PackageKey package, string reference, CancellationToken cancellationToken) =>
        Task.FromResult(Digest.TryParse(reference, out var d) ? _manifests.GetValueOrDefault(d.Value) : null);

    public Task<bool> HasBlobAsync(PackageKey package, Digest digest, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task<bool> HasManifestAsync(PackageKey package, Digest digest, CancellationToken cancellationToken) => Task.FromResult(_manifests.ContainsKey(digest));

    public Task PutAsync(PackageKey package, string reference, RawManifest manifest, CancellationToken cancellationToken)
    {
        if (FailingPuts.Contains(reference))
        {
            throw new HttpRequestException("503 Service Unavailable", null, System.Net.HttpStatusCode.ServiceUnavailable);
        }

        Puts.Add(reference);
        _manifests[manifest.Digest] = manifest;
        _tags[reference] = manifest.Digest;
        return Task.CompletedTask;
    }
}
