using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OciCleanup.TestServers;

/// <summary>A manifest as a registry stores it: bytes, digest (sha256 of the bytes) and media type.</summary>
public sealed record StoredManifest(byte[] Bytes, string MediaType)
{
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";

    public string Digest => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Bytes));

    public IReadOnlyList<string> Children =>
        MediaType == OciIndex
            ? [.. JsonDocument.Parse(Bytes).RootElement.GetProperty("manifests").EnumerateArray().Select(m => m.GetProperty("digest").GetString()!)]
            : [];

    /// <summary>The blobs an image manifest needs (config and layers); none for an index.</summary>
    public IReadOnlyList<string> Blobs
    {
        get
        {
            var root = JsonDocument.Parse(Bytes).RootElement;
            var layers = root.TryGetProperty("layers", out var l) ? l.EnumerateArray().Select(x => x.GetProperty("digest").GetString()!) : [];
            return [.. root.TryGetProperty("config", out var c) ? layers.Prepend(c.GetProperty("digest").GetString()!) : layers];
        }
    }

    /// <summary>The blobs an image manifest needs with the sizes its descriptors give.</summary>
    public IReadOnlyList<(string Digest, long Size)> BlobSizes
    {
        get
        {
            var root = JsonDocument.Parse(Bytes).RootElement;
            var descriptors = (root.TryGetProperty("config", out var c) ? [c] : Array.Empty<JsonElement>())
                .Concat(root.TryGetProperty("layers", out var l) ? l.EnumerateArray() : []);
            return [.. descriptors.Select(d => (d.GetProperty("digest").GetString()!, d.GetProperty("size").GetInt64()))];
        }
    }

    /// <summary>A distinct single-platform image manifest; <paramref name="seed"/> makes its digest unique.</summary>
    public static StoredManifest Image(string seed) => Image(seed, null);

    /// <summary>
    /// The image of <paramref name="seed"/> built again from the same source: the same config and layers
    /// under a manifest annotated with its build time, so another digest (CI stamping
    /// <c>org.opencontainers.image.created</c> on the manifest).
    /// </summary>
    public static StoredManifest Rebuild(string seed, string created) => Image(seed, created);

    private static StoredManifest Image(string seed, string? created)
    {
        var config = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("config:" + seed)));
        var layer = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("layer:" + seed)));
        var configDescriptor = new { mediaType = "application/vnd.oci.image.config.v1+json", digest = config, size = 100 };
        var layers = new[] { new { mediaType = "application/vnd.oci.image.layer.v1.tar+gzip", digest = layer, size = 1000 } };
        var json = created is null
            ? JsonSerializer.Serialize(new { schemaVersion = 2, mediaType = OciManifest, config = configDescriptor, layers })
            : JsonSerializer.Serialize(new { schemaVersion = 2, mediaType = OciManifest, config = configDescriptor, layers, annotations = new Dictionary<string, string> { ["org.opencontainers.image.created"] = created } });
        return new StoredManifest(Encoding.UTF8.GetBytes(json), OciManifest);
    }

    /// <summary>A multi-arch index over the given platform manifests.</summary>
    public static StoredManifest Index(params (StoredManifest Manifest, string Architecture)[] children)
    {
        var json = JsonSerializer.Serialize(new
        {
            schemaVersion = 2,
            mediaType = OciIndex,
            manifests = children.Select(c => new { mediaType = c.Manifest.MediaType, digest = c.Manifest.Digest, size = c.Manifest.Bytes.Length, platform = new { os = "linux", architecture = c.Architecture } }),
        });
        return new StoredManifest(Encoding.UTF8.GetBytes(json), OciIndex);
    }
}
