using System.Collections.Immutable;
using System.Text.Json;

namespace OciCleanup.Cleaner.Inventory;

/// <summary>What a manifest body says about sizes: its own, and every descriptor's (config, layers, an index's children).</summary>
internal static class ManifestSizes
{
    public static ImmutableDictionary<string, long> Of(RawManifest manifest)
    {
        var sizes = ImmutableDictionary.CreateBuilder<string, long>();
        sizes[manifest.Digest.ToString()] = manifest.Bytes.Length;
        try
        {
            using var json = JsonDocument.Parse(manifest.Bytes);
            var root = json.RootElement;
            var descriptors = (root.TryGetProperty("config", out var config) ? [config] : Array.Empty<JsonElement>())
                .Concat(root.TryGetProperty("layers", out var layers) && layers.ValueKind == JsonValueKind.Array ? layers.EnumerateArray() : [])
                .Concat(root.TryGetProperty("manifests", out var manifests) && manifests.ValueKind == JsonValueKind.Array ? manifests.EnumerateArray() : []);
            foreach (var d in descriptors)
            {
                if (d.TryGetProperty("digest", out var digest) && digest.GetString() is { } text && d.TryGetProperty("size", out var size) && size.TryGetInt64(out var bytes))
                {
                    sizes[text] = bytes;
                }
            }
        }
        catch (JsonException)
        {
            // Only the manifest's own size is known.
        }

        return sizes.ToImmutable();
    }
}
