using System.Globalization;
using System.Net.Http.Headers;

namespace OciCleanup.Cleaner.Inventory;

/// <summary>
/// Gitea clamps <c>limit</c> (≤0 → 30, &gt;50 → 50), so a short page proves nothing: go on while
/// <c>Link</c> has <c>rel="next"</c>, or, without a Link header, until <c>X-Total-Count</c> items came.
/// </summary>
internal static class GiteaPaging
{
    public const int PageSize = 50;

    public static bool HasNextPage(HttpResponseHeaders headers, int receivedSoFar, int receivedThisPage)
    {
        if (receivedThisPage == 0)
        {
            return false;
        }

        if (headers.TryGetValues("Link", out var links))
        {
            return links.Any(l => l.Split(',').Any(part => part.Contains("rel=\"next\"", StringComparison.Ordinal)));
        }

        return headers.TryGetValues("X-Total-Count", out var totals)
            && int.TryParse(totals.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var total)
            && receivedSoFar < total;
    }
}
