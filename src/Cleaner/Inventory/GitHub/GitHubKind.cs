using OciCleanup.Cleaner.Configuration;

namespace OciCleanup.Cleaner.Inventory.GitHub;

/// <summary>
/// GitHub Container Registry (docs/configuration.md, "ghcr.io (`kind: github`)"): every manifest a version (untagged children included), one
/// DELETE of a version removes the manifest with every tag on it; images are <c>ghcr.io/OWNER/NAME</c>,
/// owner and name in lower case.
/// </summary>
internal static class GitHubKind
{
    public static readonly RegistryKindEntry Entry = new(
        RegistryKind.GitHub,
        [],
        new RegistryTraits(
            DeleteGranularity.Manifest,
            ListsEveryManifest: true,
            // created_at is GitHub's record of the version (the manifest): another time is another version.
            RereadComparesCreated: true,
            path => RegistryTraits.OwnerThenName(path.ToLowerInvariant()),
            Lists,
            NeedsOwners: true),
        (config, loggers, clock, cache) => GitHubWiring.Create(config, loggers, clock, cache is null ? null : new StoreBodyCache(cache.Bodies)),
        GitHubSection.Read);

    private static Func<string, bool> Lists(RegistryConfig config)
    {
        var wanted = GitHubVersions.Filter(config.IncludeRepositories, config.ExcludeRepositories);
        return path => RegistryTraits.OwnerThenName(path.ToLowerInvariant()) is var (owner, name)
            && config.Owners.Contains(owner ?? "", StringComparer.OrdinalIgnoreCase) && wanted(name);
    }
}
