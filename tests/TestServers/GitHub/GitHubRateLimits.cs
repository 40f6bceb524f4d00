using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace OciCleanup.TestServers.GitHub;

/// <summary>
/// The primary limit (an hourly budget per token, reported in X-RateLimit-* headers on every REST
/// answer) and the secondary ones (injected failures, DELETEs per minute), read against the server's clock.
/// </summary>
internal sealed class GitHubRateLimits(GitHubOptions options, TimeProvider time)
{
    private readonly object _lock = new();
    private readonly Dictionary<string, (DateTimeOffset Reset, int Used)> _windows = [];
    private readonly Queue<DateTimeOffset> _deletes = new();

    /// <summary>Counts the request against <paramref name="key"/>'s hour and writes the headers; false when the hour's budget was spent.</summary>
    public bool Spend(HttpResponse response, string key)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (!_windows.TryGetValue(key, out var window) || window.Reset <= now)
            {
                window = (now.AddHours(1), 0);
            }

            var allowed = window.Used < options.HourlyBudget;
            if (allowed)
            {
                window.Used++;
            }

            _windows[key] = window;
            var headers = response.Headers;
            headers["X-RateLimit-Limit"] = options.HourlyBudget.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Remaining"] = Math.Max(0, options.HourlyBudget - window.Used).ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Reset"] = window.Reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Used"] = window.Used.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Resource"] = "core";
            return allowed;
        }
    }

    /// <summary>Whether this request trips a secondary limit: an injected failure, or a DELETE past the per-minute rate.</summary>
    public bool Secondary(HttpRequest request)
    {
        if (options.TakeInjectedFailure())
        {
            return true;
        }

        if (options.DeletesPerMinute is not { } perMinute || !HttpMethods.IsDelete(request.Method))
        {
            return false;
        }

        lock (_lock)
        {
            var now = time.GetUtcNow();
            while (_deletes.Count > 0 && _deletes.Peek() <= now.AddMinutes(-1))
            {
                _deletes.Dequeue();
            }

            if (_deletes.Count >= perMinute)
            {
                return true;
            }

            _deletes.Enqueue(now);
            return false;
        }
    }
}
