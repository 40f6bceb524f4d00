using System.Text.Json.Nodes;

namespace OciCleanup.Pins.Kubernetes;

/// <summary>
/// Finds images in a JSON tree depth-first, in document order, with an explicit stack: no tree is deep
/// enough to overflow it. A work item either visits a node or yields an image found at it.
/// </summary>
internal static class ImageWalk
{
    /// <summary>The images found, in document order.</summary>
    /// <param name="root">The tree.</param>
    /// <param name="atObject">The images an object holds as a whole, yielded before anything inside it.</param>
    /// <param name="atKey">The image a key of an object names (the object, its path, the key, the value), or null to look inside the value.</param>
    public static IEnumerable<FoundImage> Find(
        JsonNode? root,
        Func<JsonObject, TreePath, FoundImage?> atObject,
        Func<JsonObject, TreePath, string, JsonNode?, FoundImage?> atKey)
    {
        var work = new Stack<(JsonNode? Node, TreePath Path, FoundImage? Found)>();
        work.Push((root, TreePath.Root, null));
        while (work.TryPop(out var item))
        {
            var (node, path, found) = item;
            if (found is not null)
            {
                yield return found;
            }
            else if (node is JsonArray array)
            {
                for (var i = array.Count - 1; i >= 0; i--)
                {
                    work.Push((array[i], path.Child(i), null));
                }
            }
            else if (node is JsonObject obj)
            {
                if (atObject(obj, path) is { } whole)
                {
                    yield return whole;
                }

                foreach (var (key, child) in obj.Reverse())
                {
                    work.Push(atKey(obj, path, key, child) is { } image ? (null, path, image) : (child, path.Child(key), null));
                }
            }
        }
    }
}
