using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using OciCleanup.Cleaner.Configuration;
using Refit;

namespace OciCleanup.Cleaner.Inventory;

/// <summary>Builds the HTTP stack of each configured registry: retries for transient faults, credentials in headers only.</summary>
internal static class RegistryFactory
{
    public static IRegistry Create(RegistryConfig config, ILoggerFactory loggers)
    {
        var http = new HttpClient(Handlers(), disposeHandler: true) { BaseAddress = BaseAddress(config.Url), Timeout = TimeSpan.FromSeconds(100) };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("oci-cleanup/1");
        if (config.Kind == RegistryKind.Gitea)
        {
            var token = config.Token?.Read();
            // The packages API takes "token <t>"; the /v2 routes take basic auth with the token as password.
            var api = RestService.For<IGiteaPackagesApi>(WithAuth(BaseAddress(config.Url), token is null ? null : new AuthenticationHeaderValue("token", token)));
            if (token is not null)
            {
                http.DefaultRequestHeaders.Authorization = Basic($"oci-cleanup:{token}");
            }

            var distribution = new DistributionClient(http, config.Name);
            var reader = new DistributionManifestReader(distribution, v => $"{v.Owner}/{v.Name}");
            return new GiteaRegistry(config, api, distribution, reader, loggers.CreateLogger<GiteaRegistry>());
        }

        if (config.BasicAuth is { } basic)
        {
            http.DefaultRequestHeaders.Authorization = Basic(basic.Read());
        }

        var client = new DistributionClient(http, config.Name);
        return new OciRegistry(config, client, loggers.CreateLogger<OciRegistry>());
    }

    private static HttpClient WithAuth(Uri baseAddress, AuthenticationHeaderValue? auth)
    {
        var client = new HttpClient(Handlers(), disposeHandler: true) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(100) };
        client.DefaultRequestHeaders.Authorization = auth;
        client.DefaultRequestHeaders.UserAgent.ParseAdd("oci-cleanup/1");
        return client;
    }

    private static AuthenticationHeaderValue Basic(string userColonPassword) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(userColonPassword)));

    private static Uri BaseAddress(Uri url) => new(url.ToString().TrimEnd('/') + "/");

    private static ResilienceHandler Handlers()
    {
        var handler = HttpResilience.CreateHandler();
        handler.InnerHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        return handler;
    }
}
