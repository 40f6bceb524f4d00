using System.Globalization;
using System.Net.Http.Headers;
using System.Web;

namespace OciCleanup.Cleaner.Inventory.GitHub;

/// <summary>
/// GitHub's paging header, <c>Link: &lt;…&amp;page=2&gt;; rel="next", &lt;…&amp;page=9&gt;; rel="last"</c>:
/// the next page's URL and the last page's number, where the server gives them. Pure.
/// </summary>
internal sealed record GitHubLinks(Uri? Next, int? NextPage, int? LastPage)
{
    public static GitHubLinks Of(HttpResponseHeaders headers)
    {
        if (!headers.TryGetValues("Link", out var values))
        {
            return new(null, null, null);
        }

        Uri? next = null;
        int? last = null;
        foreach (var part in values.SelectMany(v => v.Split(',')))
        {
            var start = part.IndexOf('<', StringComparison.Ordinal) + 1;
            var end = part.IndexOf('>', StringComparison.Ordinal);
            if (end <= start || !Uri.TryCreate(part[start..end].Trim(), UriKind.Absolute, out var uri))
            {
                continue;
            }

            if (part.Contains("rel=\"next\"", StringComparison.Ordinal))
            {
                next = uri;
            }
            else if (part.Contains("rel=\"last\"", StringComparison.Ordinal))
            {
                last = PageOf(uri);
            }
        }

        return new(next, next is null ? null : PageOf(next), last);
    }

    private static int? PageOf(Uri uri) =>
        int.TryParse(HttpUtility.ParseQueryString(uri.Query)["page"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var page) ? page : null;
}
