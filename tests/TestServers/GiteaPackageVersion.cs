namespace OciCleanup.TestServers;

/// <summary>A package version as Gitea stores it: every pushed reference (tag or digest) is one.</summary>
public sealed record GiteaPackageVersion(long Id, string Owner, string Type, string Name, string Version, DateTimeOffset CreatedAt, StoredManifest? Manifest);
