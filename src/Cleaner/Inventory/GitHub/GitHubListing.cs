using System.Globalization;
using System.Text.Json;

namespace OciCleanup.Cleaner.Inventory.GitHub;

/// <summary>
/// Reads a paged GitHub list to its end by <c>Link rel="next"</c>, or fails it (docs/configuration.md, "A partial picture never deletes": a partial
/// picture is a failed source). GitHub gives no total, so besides <see cref="ListingGuard"/>'s loops and
/// duplicates: pages are full (<c>per_page</c>) until the last, the next link names the page after this
/// one on the API itself, and the list does not end before the <c>rel="last"</c> page it announced.
/// </summary>
internal static class GitHubListing
{
    public const int PerPage = 100;

    public static async Task<List<T>> ReadAsync<T>(GitHubHttp http, string first, string what, Func<JsonElement, T> parse, Func<T, string> key, CancellationToken cancellationToken)
    {
        var guard = new ListingGuard(http.Registry, what);
        var items = new List<T>();
        string? next = first;
        int? last = null;
        for (var number = 1; next is not null; number++)
        {
            List<T> page;
            GitHubLinks links;
            using (var response = await http.SendAsync(HttpMethod.Get, next, $"{what}, page {number}", cancellationToken))
            using (var json = await http.JsonAsync(response, $"{what}, page {number}", cancellationToken))
            {
                if (json.RootElement.ValueKind != JsonValueKind.Array)
                {
                    throw Incomplete(http, what, $"page {number} is a JSON {json.RootElement.ValueKind}, not a list");
                }

                page = [.. json.RootElement.EnumerateArray().Select(parse)];
                links = GitHubLinks.Of(response.Headers);
            }

            guard.Page(number.ToString(CultureInfo.InvariantCulture), [.. page.Select(key)], announcedTotal: null);
            items.AddRange(page);
            last ??= links.LastPage;
            next = NextOf(http, what, number, page.Count, links, last);
            guard.Next(links.NextPage?.ToString(CultureInfo.InvariantCulture));
        }

        guard.Finish();
        return items;
    }

    private static string? NextOf(GitHubHttp http, string what, int number, int count, GitHubLinks links, int? last)
    {
        if (links.Next is not { } next)
        {
            return last is { } l && number < l
                ? throw Incomplete(http, what, $"the list ended at page {number}, but the server announced {l} pages")
                : null;
        }

        if (count < PerPage)
        {
            throw Incomplete(http, what, $"page {number} held {count} of {PerPage} items, yet a next page is linked (a short page)");
        }

        if (links.NextPage != number + 1)
        {
            throw Incomplete(http, what, $"the next-page link after page {number} names page {links.NextPage?.ToString(CultureInfo.InvariantCulture) ?? "none"}");
        }

        var root = http.BaseAddress;
        var onApi = Uri.Compare(next, root, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) == 0
            && next.AbsolutePath.StartsWith(root.AbsolutePath, StringComparison.Ordinal);
        return onApi ? next.AbsoluteUri : throw Incomplete(http, what, $"the next-page link points off the API ({next.Scheme}://{next.Authority})");
    }

    private static RegistryException Incomplete(GitHubHttp http, string what, string why) => new(http.Registry, $"{what}: incomplete list: {why}");
}
