using Microsoft.Extensions.Logging;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Pins;

namespace OciCleanup.Cleaner.Inventory;

/// <summary>
/// Any OCI distribution registry: tags listed per repository, a manifest deleted by digest with every
/// tag on it; the image path is the repository, with no owner.
/// </summary>
internal static class OciKind
{
    public static readonly RegistryKindEntry Entry = new(
        Configuration.RegistryKind.Oci,
        [],
        new RegistryTraits(
            DeleteGranularity.Manifest,
            ListsEveryManifest: false,
            // The time is the image config's `created`: the same for the same digest, so no news.
            RereadComparesCreated: false,
            path => (null, path),
            Lists,
            NeedsOwners: false),
        Create);

    private static Func<string, bool> Lists(RegistryConfig config)
    {
        if (!config.RepositoryNames.IsEmpty)
        {
            var names = config.RepositoryNames.ToHashSet(StringComparer.OrdinalIgnoreCase);
            return names.Contains;
        }

        var include = config.IncludeRepositories.Select(p => new Glob(p)).ToList();
        var exclude = config.ExcludeRepositories.Select(p => new Glob(p)).ToList();
        return path => (include.Count == 0 || include.Exists(g => g.IsMatch(path))) && !exclude.Exists(g => g.IsMatch(path));
    }

    private static OciRegistry Create(RegistryConfig config, ILoggerFactory loggers, TimeProvider clock)
    {
        var scope = new CredentialScope(config.Name, config.Url, config.AuthRealms);
        var basic = config.BasicAuth is { } credentials ? RegistryFactory.Basic(credentials.Read()) : null;
        var client = new DistributionClient(RegistryFactory.Client(config, new RegistryAuthHandler(scope, basic, answerChallenges: true), guardDeletes: false), config.Name);
        return new OciRegistry(config, client, loggers.CreateLogger<OciRegistry>());
    }
}
