using System.Globalization;
using System.Net.Http.Headers;

namespace OciCleanup.Cleaner.Inventory.GitHub;

/// <summary>
/// What GitHub last said is left of the hour's requests (<c>X-RateLimit-Remaining</c>). Below
/// <see cref="Reserve"/> no new delete starts: the rest is deferred to the next run (docs/configuration.md, "ghcr.io (`kind: github`)"), and the
/// reserve leaves room for that run's own inventory and for people using the same token meanwhile.
/// </summary>
internal sealed class RateBudget(int reserve = RateBudget.DefaultReserve)
{
    public const int DefaultReserve = 500;

    private int _remaining = -1;

    public int Reserve => reserve;

    /// <summary>The last count GitHub gave; null before any.</summary>
    public int? Remaining => Volatile.Read(ref _remaining) is var r and >= 0 ? r : null;

    /// <summary>Why no further delete may start now; null while the budget allows one.</summary>
    public string? DeferReason() =>
        Remaining is { } left && left < reserve
            ? $"GitHub's hourly request budget is down to {left} (below the reserve of {reserve}); the rest waits for the next run"
            : null;

    public void Observe(HttpResponseHeaders headers)
    {
        if (headers.TryGetValues("X-RateLimit-Remaining", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var left) && left >= 0)
        {
            Volatile.Write(ref _remaining, left);
        }
    }
}
