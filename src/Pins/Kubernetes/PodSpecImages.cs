using k8s.Models;

namespace OciCleanup.Pins.Kubernetes;

/// <summary>Every image a pod spec pulls: containers, init and ephemeral containers, image volumes.</summary>
public static class PodSpecImages
{
    /// <summary>The images of <paramref name="spec"/>, each with its container (or volume) name.</summary>
    public static IEnumerable<FoundImage> Of(V1PodSpec? spec)
    {
        if (spec is null)
        {
            yield break;
        }

        foreach (var c in spec.Containers ?? [])
        {
            yield return new FoundImage(c.Image, c.Name);
        }

        foreach (var c in spec.InitContainers ?? [])
        {
            yield return new FoundImage(c.Image, c.Name);
        }

        foreach (var c in spec.EphemeralContainers ?? [])
        {
            yield return new FoundImage(c.Image, c.Name);
        }

        foreach (var v in spec.Volumes ?? [])
        {
            if (v.Image?.Reference is { } reference)
            {
                yield return new FoundImage(reference, "volume:" + v.Name);
            }
        }
    }

    /// <summary>
    /// The digests the node actually pulled, from <c>status.*ContainerStatuses[].imageID</c>
    /// (<c>docker-pullable://repo@sha256:…</c> or <c>repo@sha256:…</c>; a bare config id says nothing).
    /// For a multi-arch image containerd reports the index digest.
    /// </summary>
    public static IEnumerable<FoundImage> PulledDigests(V1PodStatus? status)
    {
        var all = (status?.ContainerStatuses ?? []).Concat(status?.InitContainerStatuses ?? []).Concat(status?.EphemeralContainerStatuses ?? []);
        foreach (var s in all)
        {
            if (ImageId(s.ImageID) is { } image)
            {
                yield return new FoundImage(image, s.Name);
            }
        }
    }

    /// <summary>The <c>repo@digest</c> part of an image ID, or null for a bare config id.</summary>
    public static string? ImageId(string? imageId)
    {
        if (string.IsNullOrEmpty(imageId))
        {
            return null;
        }

        var schemeEnd = imageId.IndexOf("://", StringComparison.Ordinal);
        var rest = schemeEnd >= 0 ? imageId[(schemeEnd + 3)..] : imageId;
        return rest.Contains('@', StringComparison.Ordinal) ? rest : null;
    }
}
