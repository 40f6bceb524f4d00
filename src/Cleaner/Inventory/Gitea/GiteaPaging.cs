using System.Globalization;
using System.Net.Http.Headers;
using System.Web;

namespace OciCleanup.Cleaner.Inventory;

/// <summary>
/// Gitea clamps <c>limit</c> (≤0 → 30, &gt;50 → 50), so a short page proves nothing: the next page is
/// the one <c>Link rel="next"</c> names, or, without one, the following page while fewer than
/// <c>X-Total-Count</c> items came. Completeness itself is <see cref="ListingGuard"/>'s business.
/// </summary>
internal static class GiteaPaging
{
    public const int PageSize = 50;

    /// <summary>The announced total; Gitea and Forgejo always send it on list endpoints.</summary>
    public static int? Total(HttpResponseHeaders headers) =>
        headers.TryGetValues("X-Total-Count", out var totals)
        && int.TryParse(totals.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var total)
        && total >= 0
            ? total
            : null;

    /// <summary>The page to read next, or null when the list has ended.</summary>
    public static int? NextPage(HttpResponseHeaders headers, int current, int receivedSoFar, int receivedThisPage, int total)
    {
        if (receivedThisPage == 0)
        {
            return null;
        }

        if (headers.TryGetValues("Link", out var links))
        {
            var next = links.SelectMany(l => l.Split(',')).FirstOrDefault(part => part.Contains("rel=\"next\"", StringComparison.Ordinal));
            if (next is not null)
            {
                return PageOf(next) ?? current + 1;
            }
        }

        return receivedSoFar < total ? current + 1 : null;
    }

    private static int? PageOf(string link)
    {
        var start = link.IndexOf('<', StringComparison.Ordinal) + 1;
        var end = link.IndexOf('>', StringComparison.Ordinal);
        if (end <= start || !Uri.TryCreate(link[start..end], UriKind.RelativeOrAbsolute, out var uri))
        {
            return null;
        }

        var query = uri.IsAbsoluteUri ? uri.Query : (uri.OriginalString.Split('?', 2) is [_, var q] ? q : "");
        return int.TryParse(HttpUtility.ParseQueryString(query)["page"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var page) ? page : null;
    }
}
