using System.Collections.Immutable;
using System.Text.Json;
using OciCleanup.Pins;

namespace OciCleanup.Cleaner.Inventory;

/// <summary>A manifest as fetched: its digest, media type, and what it points at.</summary>
internal sealed record ManifestBody(Digest Digest, string? MediaType, ImmutableArray<Digest> Children, Digest? Config, ImmutableArray<Digest> Layers)
{
    /// <summary>An index's own word on each child's media type (its descriptor's <c>mediaType</c>), where it gives one.</summary>
    public ImmutableDictionary<Digest, string> ChildMediaTypes { get; init; } = ImmutableDictionary<Digest, string>.Empty;

    /// <summary>Sizes by digest: the manifest's own, and every descriptor's (config, layers, an index's children).</summary>
    public ImmutableDictionary<string, long> Sizes { get; init; } = ImmutableDictionary<string, long>.Empty;

    public static ManifestBody Parse(byte[] bytes, string? contentType)
    {
        using var json = JsonDocument.Parse(bytes);
        var root = json.RootElement;
        var mediaType = ManifestMediaTypes.Shared(root.TryGetProperty("mediaType", out var mt) ? mt.GetString() : contentType);
        return new ManifestBody(
            Digest.Sha256Of(bytes),
            mediaType ?? contentType,
            Digests(root, "manifests"),
            root.TryGetProperty("config", out var config) ? DigestOf(config) : null,
            Digests(root, "layers"))
        {
            ChildMediaTypes = MediaTypes(root),
            Sizes = SizesOf(root, Digest.Sha256Of(bytes), bytes.Length),
        };
    }

    private static ImmutableDictionary<string, long> SizesOf(JsonElement root, Digest own, long length)
    {
        var sizes = ImmutableDictionary.CreateBuilder<string, long>();
        sizes[own.ToString()] = length;
        JsonElement[] descriptors = [.. root.TryGetProperty("config", out var config) ? [config] : System.Array.Empty<JsonElement>(), .. Elements(root, "layers"), .. Elements(root, "manifests")];
        foreach (var d in descriptors)
        {
            if (DigestOf(d) is { } digest && d.TryGetProperty("size", out var size) && size.TryGetInt64(out var bytes))
            {
                sizes[digest.ToString()] = bytes;
            }
        }

        return sizes.ToImmutable();
    }

    private static JsonElement[] Elements(JsonElement root, string property) =>
        root.TryGetProperty(property, out var array) && array.ValueKind == JsonValueKind.Array ? [.. array.EnumerateArray()] : [];

    private static ImmutableDictionary<Digest, string> MediaTypes(JsonElement root)
    {
        if (!root.TryGetProperty("manifests", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return ImmutableDictionary<Digest, string>.Empty;
        }

        var types = ImmutableDictionary.CreateBuilder<Digest, string>();
        var conflicting = new HashSet<Digest>();
        foreach (var descriptor in array.EnumerateArray())
        {
            if (DigestOf(descriptor) is not { } digest)
            {
                continue;
            }

            var type = descriptor.TryGetProperty("mediaType", out var mt) && mt.ValueKind == JsonValueKind.String ? ManifestMediaTypes.Shared(mt.GetString()) : null;
            // No media type, or one digest listed with two: the index says nothing certain, leave it to a HEAD.
            if (string.IsNullOrEmpty(type) || (types.TryGetValue(digest, out var seen) && seen != type))
            {
                conflicting.Add(digest);
            }
            else
            {
                types[digest] = ManifestMediaTypes.Shared(type)!;
            }
        }

        types.RemoveRange(conflicting);
        return types.ToImmutable();
    }

    private static ImmutableArray<Digest> Digests(JsonElement root, string property) =>
        root.TryGetProperty(property, out var array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray().Select(DigestOf).OfType<Digest>()]
            : [];

    private static Digest? DigestOf(JsonElement descriptor) =>
        descriptor.ValueKind == JsonValueKind.Object && descriptor.TryGetProperty("digest", out var d) && Digest.TryParse(d.GetString(), out var digest) ? digest : null;
}
