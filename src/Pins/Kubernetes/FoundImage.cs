using OciCleanup.Pins.Protection;

namespace OciCleanup.Pins.Kubernetes;

/// <summary>An image string found in an object, with the path inside the object where it was.</summary>
/// <param name="Image">The image string as written.</param>
/// <param name="Where">E.g. a container name or a values path.</param>
public sealed record FoundImage(string Image, string Where)
{
    /// <summary>Turns found image strings into protections; strings that are not image references are skipped.</summary>
    public static IEnumerable<Protection.Protection> Protect(IEnumerable<FoundImage> images, string kind, Func<FoundImage, ReasonOrigin> origin)
    {
        foreach (var found in images)
        {
            if (ImageReference.TryParse(found.Image, out var reference, out _))
            {
                yield return new Protection.Protection(new ImageTarget(reference), new ProtectionReason(kind, origin(found)));
            }
        }
    }
}
