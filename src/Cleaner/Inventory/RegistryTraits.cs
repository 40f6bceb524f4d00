using OciCleanup.Cleaner.Configuration;
using OciCleanup.Pins.PinsFiles;

namespace OciCleanup.Cleaner.Inventory;

/// <summary>
/// What a kind of registry can do, as data: the pure planner and matcher take these instead of
/// switching on the kind (ARCHITECTURE.md, "Where a registry kind plugs in"). One per kind, in
/// its folder, registered in <see cref="RegistryKinds"/>.
/// </summary>
/// <param name="Deletes">What one DELETE removes: a version, or a manifest with every tag on it.</param>
/// <param name="ListsEveryManifest">
/// Whether the inventory lists every manifest as a version, children pushed by digest included (Gitea's
/// <c>sha256:</c> versions): then a child no version holds is missing. A distribution registry lists tags only.
/// </param>
/// <param name="RereadComparesCreated">
/// Whether the re-read before a delete compares the creation time too: where it is the registry's own
/// record of the version (Gitea), a changed time is a re-push; where it is read from the image, it is not.
/// </param>
/// <param name="PackageOf">How an image path (the host taken off) names a package: its owner (null when the kind
/// has none, empty when the path gives none) and name.</param>
/// <param name="Lists">Whether a registry of this kind, so configured, lists a given image path at all.</param>
/// <param name="NeedsOwners">Whether the configuration must name at least one owner.</param>
internal sealed record RegistryTraits(
    DeleteGranularity Deletes,
    bool ListsEveryManifest,
    bool RereadComparesCreated,
    Func<string, (string? Owner, string Name)> PackageOf,
    Func<RegistryConfig, Func<string, bool>> Lists,
    bool NeedsOwners)
{
    /// <summary>Whether a DELETE takes every tag of the manifest with it.</summary>
    public bool DeletesByDigest => Deletes == DeleteGranularity.Manifest;

    /// <summary>The container package an image path names in registry <paramref name="registry"/>.</summary>
    public PackageKey KeyOf(string registry, string imagePath)
    {
        var (owner, name) = PackageOf(imagePath);
        return new PackageKey(registry, owner, PackageTypes.Container, name);
    }

    /// <summary>The first path segment is the owner, the rest the name (empty owner when there is no slash).</summary>
    public static (string? Owner, string Name) OwnerThenName(string imagePath) =>
        imagePath.IndexOf('/', StringComparison.Ordinal) is var slash and > 0 ? (imagePath[..slash], imagePath[(slash + 1)..]) : ("", imagePath);
}
