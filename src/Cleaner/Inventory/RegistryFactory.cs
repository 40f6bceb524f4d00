using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using OciCleanup.Cleaner.Configuration;

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
        var kind = RegistryKinds.Of(config.Kind);
        try
        {
            return kind.Create(config, loggers, clock, cache);
        }
        catch (InvalidOperationException e)
        {
            // An unreadable token file or unset variable: the message names the source, never a value.
            return new UnavailableRegistry(config, e.Message);
        }
    }

    /// <summary>
    /// Retries, then redirects followed by hand (reads only, never with credentials), then the one
    /// handler that adds credentials — to the registry's own authority only — then the socket, which
    /// follows nothing itself.
    /// </summary>
    /// <remarks><c>url</c>: the base address when it is not the configured one (ghcr.io's <c>registryUrl</c>);
    /// <c>wrap</c>: a kind's own handlers above the credentials (GitHub's write guard and rate limits).</remarks>
    internal static HttpClient Client(RegistryConfig config, RegistryAuthHandler auth, bool guardDeletes, Uri? url = null, Func<HttpMessageHandler, HttpMessageHandler>? wrap = null)
    {
        var baseAddress = new Uri((url ?? config.Url).ToString().TrimEnd('/') + "/");
        ResilienceHandler handler = HttpResilience.CreateHandler();
        auth.InnerHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false };
        HttpMessageHandler inner = guardDeletes ? new VersionDeleteGuard(config.Name, baseAddress) { InnerHandler = auth } : wrap?.Invoke(auth) ?? auth;
        handler.InnerHandler = new RedirectHandler { InnerHandler = inner };
        var bounded = new BoundedBodyHandler(ReadBounds.RegistryResponseBytes, ReadBounds.BodyTimeout, TimeProvider.System) { InnerHandler = handler };
        var client = new HttpClient(bounded, disposeHandler: true) { BaseAddress = baseAddress, Timeout = RequestTimeout };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("oci-cleanup/1");
        return client;
    }

    internal static AuthenticationHeaderValue Basic(string userColonPassword) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(userColonPassword)));
}
