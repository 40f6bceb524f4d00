using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Pins.PinsFiles;
using Refit;

namespace OciCleanup.Cleaner.Inventory;

/// <summary>
/// Gitea and Forgejo: versions listed and deleted one by one through the packages API (a tag is a
/// version, and so is each manifest pushed by digest); images are <c>HOST/OWNER/NAME</c>.
/// </summary>
internal static class GiteaKind
{
    public static readonly RegistryKindEntry Entry = new(
        Configuration.RegistryKind.Gitea,
        ["forgejo"],
        new RegistryTraits(
            DeleteGranularity.Version,
            ListsEveryManifest: true,
            // The packages API records when the version was pushed: another time is another push.
            RereadComparesCreated: true,
            RegistryTraits.OwnerThenName,
            Lists,
            NeedsOwners: true),
        Create);

    private static Func<string, bool> Lists(RegistryConfig config)
    {
        var containers = config.Types.Contains(PackageTypes.Container, StringComparer.OrdinalIgnoreCase);
        return path => containers && config.Owners.Contains(RegistryTraits.OwnerThenName(path).Owner ?? "", StringComparer.OrdinalIgnoreCase);
    }

    private static GiteaRegistry Create(RegistryConfig config, ILoggerFactory loggers, TimeProvider clock)
    {
        var scope = new CredentialScope(config.Name, config.Url, config.AuthRealms);
        var token = config.Token?.Read();
        // The packages API takes "token <t>"; the /v2 routes take basic auth with the token as password.
        var api = RestService.For<IGiteaPackagesApi>(RegistryFactory.Client(config, new RegistryAuthHandler(scope, token is null ? null : new AuthenticationHeaderValue("token", token), answerChallenges: false), guardDeletes: true));
        var distribution = new DistributionClient(RegistryFactory.Client(config, new RegistryAuthHandler(scope, token is null ? null : RegistryFactory.Basic($"oci-cleanup:{token}"), answerChallenges: true), guardDeletes: false), config.Name);
        return new GiteaRegistry(config, api, distribution, () => new DistributionManifestReader(distribution, v => $"{v.Owner}/{v.Name}", config.Concurrency), loggers.CreateLogger<GiteaRegistry>());
    }
}
