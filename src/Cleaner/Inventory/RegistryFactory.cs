using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using OciCleanup.Cleaner.Configuration;
using Refit;

namespace OciCleanup.Cleaner.Inventory;

/// <summary>
/// Builds the HTTP stack of each configured registry: retries for transient faults, then
/// credentials, which live only in request headers (never in URLs, logs or messages).
/// </summary>
internal static class RegistryFactory
{
    /// <summary>How long one registry request may take in all, retries included.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(100);

    // The cache: what earlier runs read (a run's inventory only; commands that read one version need none).
    public static IRegistry Create(RegistryConfig config, ILoggerFactory loggers, TimeProvider clock, Store.InventoryCache? cache = null)
    {
        try
        {
            return CreateWithCredentials(config, loggers, clock, cache);
        }
        catch (InvalidOperationException e)
        {
            // An unreadable token file or unset variable: the message names the source, never a value.
            return new UnavailableRegistry(config, e.Message);
        }
    }

    private static IRegistry CreateWithCredentials(RegistryConfig config, ILoggerFactory loggers, TimeProvider clock, Store.InventoryCache? cache)
    {
        var scope = new CredentialScope(config.Name, config.Url, config.AuthRealms);
        if (config.Kind == RegistryKind.Gitea)
        {
            var token = config.Token?.Read();
            // The packages API takes "token <t>"; the /v2 routes take basic auth with the token as password.
            var api = RestService.For<IGiteaPackagesApi>(Client(config, new RegistryAuthHandler(scope, token is null ? null : new AuthenticationHeaderValue("token", token), answerChallenges: false), guardDeletes: true));
            var distribution = new DistributionClient(Client(config, new RegistryAuthHandler(scope, token is null ? null : Basic($"oci-cleanup:{token}"), answerChallenges: true), guardDeletes: false), config.Name);
            Func<PackageVersion, string> repositoryOf = v => $"{v.Owner}/{v.Name}";
            Func<IManifestReader> reader = cache is null ? () => new DistributionManifestReader(distribution, repositoryOf, config.Concurrency) : () => cache.Reader(config, distribution, repositoryOf);
            return new GiteaRegistry(config, api, distribution, reader, loggers.CreateLogger<GiteaRegistry>());
        }

        var basic = config.BasicAuth is { } credentials ? Basic(credentials.Read()) : null;
        return new OciRegistry(config, new DistributionClient(Client(config, new RegistryAuthHandler(scope, basic, answerChallenges: true), guardDeletes: false), config.Name), loggers.CreateLogger<OciRegistry>());
    }

    /// <summary>
    /// Retries, then redirects followed by hand (reads only, never with credentials), then the one
    /// handler that adds credentials — to the registry's own authority only — then the socket, which
    /// follows nothing itself.
    /// </summary>
    private static HttpClient Client(RegistryConfig config, RegistryAuthHandler auth, bool guardDeletes)
    {
        var baseAddress = new Uri(config.Url.ToString().TrimEnd('/') + "/");
        ResilienceHandler handler = HttpResilience.CreateHandler();
        auth.InnerHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false };
        HttpMessageHandler inner = guardDeletes ? new VersionDeleteGuard(config.Name, baseAddress) { InnerHandler = auth } : auth;
        handler.InnerHandler = new RedirectHandler { InnerHandler = inner };
        var bounded = new BoundedBodyHandler(ReadBounds.RegistryResponseBytes, ReadBounds.BodyTimeout, TimeProvider.System) { InnerHandler = handler };
        var client = new HttpClient(bounded, disposeHandler: true) { BaseAddress = baseAddress, Timeout = RequestTimeout };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("oci-cleanup/1");
        return client;
    }

    private static AuthenticationHeaderValue Basic(string userColonPassword) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(userColonPassword)));
}
