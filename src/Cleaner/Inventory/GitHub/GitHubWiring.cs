using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using OciCleanup.Cleaner.Configuration;

namespace OciCleanup.Cleaner.Inventory.GitHub;

/// <summary>
/// The two HTTP stacks of a <c>kind: github</c> registry, each with credentials for its own authority
/// only (ARCHITECTURE.md, "Safety invariants and where each is enforced"): the packages API at <c>url</c> with <c>Authorization: Bearer PAT</c>, and ghcr.io at
/// <c>registryUrl</c> with basic <c>LOGIN:PAT</c>, swapped at its own <c>/token</c> for a pull token. The
/// ghcr.io client is made once the token's login is known.
/// </summary>
internal static class GitHubWiring
{
    public static GitHubRegistry Create(RegistryConfig config, ILoggerFactory loggers, TimeProvider? clock = null, IManifestBodyCache? cache = null)
    {
        clock ??= TimeProvider.System;
        var token = (config.Token ?? throw new InvalidOperationException($"registry {config.Name} names no GitHub token")).Read();
        var registryUrl = config.RegistryUrl ?? new Uri(GitHubSection.DefaultRegistryUrl);
        var apiScope = new CredentialScope(config.Name, config.Url, []);
        var limits = new GitHubRateLimits(new RateBudget(), clock);
        var apiClient = RegistryFactory.Client(config, new RegistryAuthHandler(apiScope, new AuthenticationHeaderValue("Bearer", token), answerChallenges: false), guardDeletes: false,
            wrap: auth => new GitHubWriteGuard(config.Name, config.Url, api: true) { InnerHandler = Wrapped(limits, auth) });
        apiClient.DefaultRequestHeaders.Accept.ParseAdd("application/vnd.github+json");
        apiClient.DefaultRequestHeaders.Add("X-GitHub-Api-Version", "2022-11-28");
        var api = new GitHubApi(new GitHubHttp(apiClient, config.Name));
        var owners = new GitHubOwners(api);

        DistributionClient? distribution = null;
        var gate = new Lock();
        DistributionClient Distribution()
        {
            lock (gate)
            {
                // ghcr.io takes any user name with a PAT; the token's own login where GitHub gave one.
                var login = owners.KnownLogin ?? "oci-cleanup";
                return distribution ??= new DistributionClient(
                    RegistryFactory.Client(config, new RegistryAuthHandler(new CredentialScope(config.Name, registryUrl, config.AuthRealms), RegistryFactory.Basic($"{login}:{token}"), answerChallenges: true), guardDeletes: false, url: registryUrl,
                        wrap: auth => new GitHubWriteGuard(config.Name, registryUrl, api: false) { InnerHandler = auth }),
                    config.Name);
            }
        }

        var manifests = new GitHubManifests(config.Name, Distribution, cache ?? (config.StateDir is { } state ? new StoreBodyCache(new Store.ManifestBodyStore(state)) : new MemoryManifestBodyCache()));
        return new GitHubRegistry(config, api, owners, manifests, limits.Budget, loggers.CreateLogger<GitHubRegistry>());
    }

    private static GitHubRateLimits Wrapped(GitHubRateLimits limits, HttpMessageHandler auth)
    {
        limits.InnerHandler = auth;
        return limits;
    }
}
