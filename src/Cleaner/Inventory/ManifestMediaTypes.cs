namespace OciCleanup.Cleaner.Inventory;

/// <summary>The manifest media types of OCI and Docker; indexes are the ones with children.</summary>
internal static class ManifestMediaTypes
{
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    public const string DockerList = "application/vnd.docker.distribution.manifest.list.v2+json";

    public static readonly string Accept = string.Join(", ", OciIndex, DockerList, OciManifest, DockerManifest);

    /// <summary>The known media types as one shared string each: 100k versions need not carry 100k copies.</summary>
    public static string? Shared(string? mediaType) => mediaType switch
    {
        OciManifest => OciManifest,
        OciIndex => OciIndex,
        DockerManifest => DockerManifest,
        DockerList => DockerList,
        _ => mediaType,
    };

    public static bool IsIndex(string? mediaType) =>
        mediaType is not null && (mediaType.StartsWith(OciIndex, StringComparison.OrdinalIgnoreCase) || mediaType.StartsWith(DockerList, StringComparison.OrdinalIgnoreCase));
}
