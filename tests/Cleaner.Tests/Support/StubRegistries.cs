using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OciCleanup.Cleaner.Tests.Support;

/// <summary>Real registry clients over a network that is a function (<see cref="StubHttpHandler"/>).</summary>
internal static class StubRegistries
{
    /// <summary>An OCI registry whose every request is answered by <paramref name="answer"/> (which may throw).</summary>
    public static IRegistry Oci(RegistryConfig config, Func<HttpRequestMessage, HttpResponseMessage> answer) =>
        new OciRegistry(config, new DistributionClient(new HttpClient(new StubHttpHandler(answer)) { BaseAddress = new Uri(config.Url, "/") }, config.Name), NullLogger<OciRegistry>.Instance);

    /// <summary>For <see cref="CompositionRoot.RegistryMaker"/>: every configured registry answers through <paramref name="answer"/>.</summary>
    public static Func<RegistryConfig, ILoggerFactory, TimeProvider, OciCleanup.Cleaner.Inventory.Store.InventoryCache?, IRegistry> Answering(Func<HttpRequestMessage, HttpResponseMessage> answer) =>
        (config, _, _, _) => Oci(config, answer);
}
