using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace OciCleanup.TestServers.GitHub;

/// <summary>
/// GitHub's page-number paging: <c>per_page</c> (default 30, at most 100) and <c>page</c> (from 1), with a
/// <c>Link</c> header naming prev/next/last/first pages that keeps the request's other parameters.
/// </summary>
internal static class GitHubPaging
{
    public const int DefaultPerPage = 30;
    public const int MaxPerPage = 100;

    public static IResult Page<T>(HttpContext http, IReadOnlyList<T> all, Func<T, object> render, object gate)
    {
        var query = http.Request.Query;
        var size = int.TryParse(query["per_page"], NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0 ? Math.Min(s, MaxPerPage) : DefaultPerPage;
        var number = int.TryParse(query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        var last = Math.Max(1, (all.Count + size - 1) / size);
        var links = new List<string>();
        if (number > 1)
        {
            links.Add(Link(http, size, Math.Min(number - 1, last), "prev"));
        }

        if (number < last)
        {
            links.Add(Link(http, size, number + 1, "next"));
            links.Add(Link(http, size, last, "last"));
        }

        if (number > 1)
        {
            links.Add(Link(http, size, 1, "first"));
        }

        if (links.Count > 0)
        {
            http.Response.Headers.Link = string.Join(", ", links);
        }

        List<object> items;
        lock (gate)
        {
            // Rendered under the state's lock: a concurrent push or restore changes tag lists.
            items = [.. all.Skip((number - 1) * size).Take(size).Select(render)];
        }

        return Results.Json(items);
    }

    private static string Link(HttpContext http, int size, int page, string rel)
    {
        var kept = http.Request.Query
            .Where(q => q.Key is not ("page" or "per_page"))
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}");
        var query = string.Join("&", kept.Append($"per_page={size}").Append($"page={page}"));
        return $"<{http.Request.Scheme}://{http.Request.Host}{http.Request.Path.Value}?{query}>; rel=\"{rel}\"";
    }
}
