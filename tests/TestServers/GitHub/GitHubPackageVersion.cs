namespace OciCleanup.TestServers.GitHub;

/// <summary>
/// One package version: one manifest (its digest is the version's <c>name</c>) with zero or more tags.
/// A deleted version keeps its tags so a restore can bring them back.
/// </summary>
public sealed class GitHubPackageVersion(long id, GitHubPackage package, StoredManifest manifest, DateTimeOffset createdAt)
{
    private int _downloads;

    public long Id { get; } = id;

    public GitHubPackage Package { get; } = package;

    public StoredManifest Manifest { get; } = manifest;

    public string Digest { get; } = manifest.Digest;

    /// <summary>Tags on this version, newest first as GitHub lists them; guarded by the state's lock.</summary>
    public List<string> Tags { get; } = [];

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset UpdatedAt { get; set; } = createdAt;

    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>Manifest GETs through ghcr.io <c>/v2</c> (GitHub counts each as a download).</summary>
    public int Downloads => Volatile.Read(ref _downloads);

    public void CountDownload() => Interlocked.Increment(ref _downloads);

    /// <summary>Sets the download count, e.g. to make a public version undeletable (more than 5,000).</summary>
    public void SetDownloads(int downloads) => Volatile.Write(ref _downloads, downloads);
}
