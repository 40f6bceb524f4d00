using System.Collections.Immutable;
using System.Text.Json;
using OciCleanup.Pins;

namespace OciCleanup.Cleaner.Inventory;

/// <summary>A manifest as fetched: its digest, media type, and what it points at.</summary>
internal sealed record ManifestBody(Digest Digest, string? MediaType, ImmutableArray<Digest> Children, Digest? Config, ImmutableArray<Digest> Layers, Digest? Subject)
{
    public static ManifestBody Parse(byte[] bytes, string? contentType)
    {
        using var json = JsonDocument.Parse(bytes);
        var root = json.RootElement;
        var mediaType = root.TryGetProperty("mediaType", out var mt) ? mt.GetString() : contentType;
        return new ManifestBody(
            Digest.Sha256Of(bytes),
            mediaType ?? contentType,
            Digests(root, "manifests"),
            root.TryGetProperty("config", out var config) ? DigestOf(config) : null,
            Digests(root, "layers"),
            root.TryGetProperty("subject", out var subject) ? DigestOf(subject) : null);
    }

    private static ImmutableArray<Digest> Digests(JsonElement root, string property) =>
        root.TryGetProperty(property, out var array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray().Select(DigestOf).OfType<Digest>()]
            : [];

    private static Digest? DigestOf(JsonElement descriptor) =>
        descriptor.ValueKind == JsonValueKind.Object && descriptor.TryGetProperty("digest", out var d) && Digest.TryParse(d.GetString(), out var digest) ? digest : null;
}
