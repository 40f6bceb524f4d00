using System.Globalization;
using System.Net;

namespace OciCleanup.Cleaner.Inventory.GitHub;

/// <summary>
/// GitHub's rate limits on one client (docs/configuration.md, "ghcr.io (`kind: github`)"). A secondary limit — 403 or 429 with <c>Retry-After</c>,
/// or a 403 with <c>X-RateLimit-Remaining: 0</c> — is waited out as told, up to <see cref="MaxWait"/> per
/// answer and <see cref="MaxWaits"/> times, then the request is sent again (the refused request did
/// nothing, so even a DELETE may be). DELETEs are spaced to stay under ~180 a minute. What GitHub says
/// is left of the hour goes into <see cref="Budget"/>, which decides whether another delete may start.
/// </summary>
internal sealed class GitHubRateLimits(RateBudget budget, TimeProvider clock) : DelegatingHandler
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);
    public const int MaxWaits = 5;

    /// <summary>900 points a minute per endpoint, a DELETE costing 5: one every third of a second.</summary>
    public static readonly TimeSpan DeleteSpacing = TimeSpan.FromMilliseconds(340);

    private readonly SemaphoreSlim _deletes = new(1, 1);
    private DateTimeOffset _lastDelete = DateTimeOffset.MinValue;

    public RateBudget Budget => budget;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Delete)
        {
            await SpaceDeleteAsync(cancellationToken);
        }

        for (var waits = 0; ; waits++)
        {
            var response = await base.SendAsync(request, cancellationToken);
            budget.Observe(response.Headers);
            if (waits == MaxWaits || WaitOf(response) is not { } wait || wait > MaxWait)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(wait, clock, cancellationToken);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _deletes.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task SpaceDeleteAsync(CancellationToken cancellationToken)
    {
        await _deletes.WaitAsync(cancellationToken);
        try
        {
            var due = _lastDelete + DeleteSpacing - clock.GetUtcNow();
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, clock, cancellationToken);
            }

            _lastDelete = clock.GetUtcNow();
        }
        finally
        {
            _deletes.Release();
        }
    }

    /// <summary>How long GitHub asks to wait, or null when the answer is no rate limit.</summary>
    private TimeSpan? WaitOf(HttpResponseMessage response)
    {
        if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests))
        {
            return null;
        }

        if (response.Headers.RetryAfter is { } retry)
        {
            return retry.Delta ?? (retry.Date is { } date ? Max0(date - clock.GetUtcNow()) : null);
        }

        return budget.Remaining == 0 && response.Headers.TryGetValues("X-RateLimit-Reset", out var resets)
            && long.TryParse(resets.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var reset)
                ? Max0(DateTimeOffset.FromUnixTimeSeconds(reset) - clock.GetUtcNow())
                : null;
    }

    private static TimeSpan Max0(TimeSpan t) => t < TimeSpan.Zero ? TimeSpan.Zero : t;
}
