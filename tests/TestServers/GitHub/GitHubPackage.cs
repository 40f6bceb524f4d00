namespace OciCleanup.TestServers.GitHub;

/// <summary>A container package (an image name under an owner) and its versions, active and deleted.</summary>
public sealed class GitHubPackage(long id, GitHubOwner owner, string name, bool isPublic, DateTimeOffset createdAt)
{
    public long Id { get; } = id;

    public GitHubOwner Owner { get; } = owner;

    /// <summary>The name as GitHub stores it (lower case); may contain <c>/</c>.</summary>
    public string Name { get; } = name.ToLowerInvariant();

    public bool IsPublic { get; set; } = isPublic;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary>Every version ever pushed, deleted ones included; guarded by the state's lock.</summary>
    public List<GitHubPackageVersion> Versions { get; } = [];

    public IEnumerable<GitHubPackageVersion> Active => Versions.Where(v => v.DeletedAt is null);
}
