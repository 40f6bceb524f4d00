using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace OciCleanup.Cleaner;

/// <summary>
/// Retries transient failures (5xx, 408, 429, network errors) of safe methods with backoff; a
/// DELETE or other unsafe method is never retried blindly. Used for registries and clusters.
/// </summary>
internal static class HttpResilience
{
    public static ResilienceHandler CreateHandler()
    {
        var retry = new HttpRetryStrategyOptions { MaxRetryAttempts = 3, Delay = TimeSpan.FromMilliseconds(200), BackoffType = DelayBackoffType.Exponential, UseJitter = true };
        retry.DisableForUnsafeHttpMethods();
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(retry)
            .AddTimeout(TimeSpan.FromSeconds(30))
            .Build();
        return new ResilienceHandler(pipeline);
    }
}
