using System.Text.Json.Nodes;

namespace OciCleanup.Pins.Kubernetes;

/// <summary>
/// Images in Helm values, by Renovate's heuristic: any key ending in <c>image</c> whose value is a
/// string; any object with <c>repository</c> (or a string <c>image</c>) and <c>tag</c>/<c>version</c>/<c>digest</c>,
/// optional <c>registry</c>; Bitnami's <c>global.imageRegistry</c> overrides the registry. An empty
/// tag means the chart's <c>appVersion</c>.
/// </summary>
public static class HelmValuesImages
{
    /// <summary>Every image the values name, with the values path it was found at.</summary>
    public static IEnumerable<FoundImage> Of(JsonNode? values, string? appVersion)
    {
        var globalRegistry = JsonTree.At(values, "global.imageRegistry");
        return Walk(values, globalRegistry, appVersion).DistinctBy(f => f.Image);
    }

    private static IEnumerable<FoundImage> Walk(JsonNode? root, string? globalRegistry, string? appVersion) =>
        ImageWalk.Find(
            root,
            (obj, path) => FromParts(obj, globalRegistry, appVersion) is { } composed ? new FoundImage(composed, path.IsRoot ? "values" : path.ToString()) : null,
            (obj, path, key, child) =>
                // `image: repo` with a sibling `tag:` is the parts form, found at the object; a string has nothing inside.
                key.EndsWith("image", StringComparison.OrdinalIgnoreCase) && JsonTree.Text(child) is { Length: > 0 } image && !(key == "image" && HasTag(obj))
                    ? new FoundImage(image, path.Child(key).ToString())
                    : null);

    /// <summary>
    /// Image objects the heuristic cannot complete, under a key ending in <c>image</c>: a tag or a digest
    /// with no repository (the repository is in the chart's defaults: <c>image: {tag: "0.1.12"}</c>, or
    /// <c>{tag: staging, digest: sha256:…}</c> as Flux image automation writes it), and an empty tag with
    /// no <c>appVersion</c> yet (null tag and digest: the release was never installed).
    /// </summary>
    public static IEnumerable<(string Path, string? Tag, Digest? Digest)> Partial(JsonNode? values, string? appVersion)
    {
        var work = new Stack<(JsonNode? Node, TreePath Path, string Key)>();
        work.Push((values, TreePath.Root, ""));
        while (work.TryPop(out var item))
        {
            if (item.Node is JsonArray array)
            {
                for (var i = array.Count - 1; i >= 0; i--)
                {
                    work.Push((array[i], item.Path.Child(i), item.Key));
                }
            }
            else if (item.Node is JsonObject obj)
            {
                var repository = JsonTree.At(obj, "repository") ?? JsonTree.At(obj, "image") ?? JsonTree.At(obj, "name");
                var tag = JsonTree.At(obj, "tag") ?? JsonTree.At(obj, "version");
                var digest = JsonTree.At(obj, "digest");
                if (item.Key.EndsWith("image", StringComparison.OrdinalIgnoreCase) && HasTag(obj))
                {
                    // A repository with a digest is a whole reference (Of); text that is no digest completes nothing.
                    var noDigest = string.IsNullOrEmpty(digest);
                    if (string.IsNullOrEmpty(repository) && Digest.TryParse(digest, out var only))
                    {
                        // The digest decides what runs, tag or no tag.
                        yield return (item.Path.ToString(), string.IsNullOrEmpty(tag) ? null : tag, only);
                    }
                    else if (noDigest && string.IsNullOrEmpty(repository) && !string.IsNullOrEmpty(tag))
                    {
                        yield return (item.Path.ToString(), tag, null);
                    }
                    else if (noDigest && string.IsNullOrEmpty(tag) && string.IsNullOrEmpty(appVersion))
                    {
                        yield return (item.Path.ToString(), null, null);
                    }
                }

                foreach (var (key, child) in obj.Reverse())
                {
                    work.Push((child, item.Path.Child(key), key));
                }
            }
        }
    }

    private static bool HasTag(JsonObject obj) =>
        obj.ContainsKey("tag") || obj.ContainsKey("version") || obj.ContainsKey("digest");

    private static string? FromParts(JsonObject obj, string? globalRegistry, string? appVersion)
    {
        var repository = JsonTree.At(obj, "repository") ?? (HasTag(obj) ? JsonTree.At(obj, "image") : null);
        if (string.IsNullOrEmpty(repository) || !(HasTag(obj) || obj.ContainsKey("registry")))
        {
            return null;
        }

        var registry = !string.IsNullOrEmpty(globalRegistry) ? globalRegistry : JsonTree.At(obj, "registry");
        var tag = JsonTree.At(obj, "tag") ?? JsonTree.At(obj, "version");
        var digest = JsonTree.At(obj, "digest");
        if (string.IsNullOrEmpty(tag) && string.IsNullOrEmpty(digest))
        {
            tag = appVersion;
        }

        var text = string.IsNullOrEmpty(registry) ? repository : $"{registry.TrimEnd('/')}/{repository}";
        if (!string.IsNullOrEmpty(tag))
        {
            text += ":" + tag;
        }

        if (!string.IsNullOrEmpty(digest))
        {
            text += "@" + digest;
        }

        return text;
    }
}
