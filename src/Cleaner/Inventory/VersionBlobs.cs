using System.Collections.Immutable;

namespace OciCleanup.Cleaner.Inventory;

/// <summary>
/// The blobs one version holds, by digest, with their sizes: its manifest, config and layers (Gitea's
/// <c>/files</c> of the version, or the descriptors of its manifest body).
/// </summary>
internal sealed record VersionBlobs(ImmutableDictionary<string, long> SizeByDigest);
