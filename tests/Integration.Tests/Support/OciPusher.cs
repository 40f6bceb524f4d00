using System.Formats.Tar;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OciCleanup.Integration.Tests.Support;

/// <summary>
/// Pushes real images through the distribution API, as a client such as buildx does: layer and
/// config blobs, per-platform manifests, and multi-arch indexes whose children are pushed by digest.
/// </summary>
internal sealed class OciPusher(Uri registry) : IDisposable
{
    private const string ManifestType = "application/vnd.oci.image.manifest.v1+json";
    private const string IndexType = "application/vnd.oci.image.index.v1+json";
    private readonly HttpClient _http = new() { BaseAddress = registry };

    public sealed record Pushed(string Digest, byte[] Manifest, string ConfigDigest);

    /// <summary>Pushes a single-platform image built from <paramref name="seed"/> and tags it (or pushes it by digest when tag is null).</summary>
    public async Task<Pushed> PushImageAsync(string repository, string? tag, string seed, DateTimeOffset created, string architecture = "amd64")
    {
        var tar = Tar(seed);
        var config = JsonSerializer.SerializeToUtf8Bytes(new
        {
            architecture,
            os = "linux",
            created = created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            config = new { Cmd = new[] { "/seed" } },
            rootfs = new { type = "layers", diff_ids = new[] { Sha(tar) } },
        });
        return await PushOneLayerAsync(repository, tag, "application/vnd.oci.image.config.v1+json", config, "application/vnd.oci.image.layer.v1.tar+gzip", Gzip(tar));
    }

    /// <summary>Pushes a Helm chart as `helm push` does: a chart config with no <c>created</c>, one chart layer.</summary>
    public async Task<Pushed> PushChartAsync(string repository, string version)
    {
        var config = JsonSerializer.SerializeToUtf8Bytes(new { name = repository.Split('/')[^1], version, apiVersion = "v2" });
        var layer = Gzip(Tar($"chart {repository} {version}"));
        return await PushOneLayerAsync(repository, version.Replace('+', '_'), "application/vnd.cncf.helm.config.v1+json", config, "application/vnd.cncf.helm.chart.content.v1.tar+gzip", layer);
    }

    // The layer and config blobs, then a manifest naming them under reference (by its digest when null).
    private async Task<Pushed> PushOneLayerAsync(string repository, string? reference, string configType, byte[] config, string layerType, byte[] layer)
    {
        var layerDigest = await PushBlobAsync(repository, layer);
        var configDigest = await PushBlobAsync(repository, config);
        var manifest = JsonSerializer.SerializeToUtf8Bytes(new
        {
            schemaVersion = 2,
            mediaType = ManifestType,
            config = new { mediaType = configType, digest = configDigest, size = config.Length },
            layers = new[] { new { mediaType = layerType, digest = layerDigest, size = layer.Length } },
        });
        var digest = await PutManifestAsync(repository, reference ?? Sha(manifest), manifest, ManifestType);
        return new Pushed(digest, manifest, configDigest);
    }

    /// <summary>Pushes the platform images by digest, then the index over them under <paramref name="tag"/>.</summary>
    public async Task<(string Index, IReadOnlyList<Pushed> Children)> PushIndexAsync(string repository, string tag, string seed, DateTimeOffset created, params string[] architectures)
    {
        var children = new List<Pushed>();
        foreach (var arch in architectures)
        {
            children.Add(await PushImageAsync(repository, null, $"{seed}/{arch}", created, arch));
        }

        var index = JsonSerializer.SerializeToUtf8Bytes(new
        {
            schemaVersion = 2,
            mediaType = IndexType,
            manifests = children.Select((c, i) => new { mediaType = ManifestType, digest = c.Digest, size = c.Manifest.Length, platform = new { os = "linux", architecture = architectures[i] } }),
        });
        return (await PutManifestAsync(repository, tag, index, IndexType), children);
    }

    /// <summary>Tags an existing manifest again (as CI pushes `staging` and `staging-latest` from one build).</summary>
    public async Task TagAsync(string repository, string tag, byte[] manifest, string mediaType = ManifestType) =>
        await PutManifestAsync(repository, tag, manifest, mediaType);

    private async Task<string> PushBlobAsync(string repository, byte[] content)
    {
        var digest = Sha(content);
        using var start = await _http.PostAsync($"v2/{repository}/blobs/uploads/", null);
        start.EnsureSuccessStatusCode();
        var location = start.Headers.Location!;
        var upload = location.IsAbsoluteUri ? location : new Uri(registry, location);
        var separator = upload.Query.Length > 0 ? "&" : "?";
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var put = await _http.PutAsync(new Uri(upload + $"{separator}digest={Uri.EscapeDataString(digest)}"), body);
        put.EnsureSuccessStatusCode();
        return digest;
    }

    private async Task<string> PutManifestAsync(string repository, string reference, byte[] manifest, string mediaType)
    {
        using var body = new ByteArrayContent(manifest);
        body.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var response = await _http.PutAsync($"v2/{repository}/manifests/{reference}", body);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"push {repository}:{reference}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return Sha(manifest);
    }

    private static byte[] Tar(string seed)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, "seed") { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(seed)), ModificationTime = DateTimeOffset.UnixEpoch };
            writer.WriteEntry(entry);
        }

        return buffer.ToArray();
    }

    private static byte[] Gzip(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return buffer.ToArray();
    }

    public static string Sha(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    public void Dispose() => _http.Dispose();
}
