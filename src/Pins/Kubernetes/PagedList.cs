using System.Net;
using System.Text.Json;
using k8s.Autorest;

namespace OciCleanup.Pins.Kubernetes;

/// <summary>
/// Lists a kind completely with <c>limit</c>/<c>continue</c>, never with <c>resourceVersion=0</c>
/// (that may serve stale cache). An expired continue token (410 Gone) restarts the list. A page
/// whose body is not the list it should be fails the list, naming it.
/// </summary>
public static class PagedList
{
    /// <summary>Items per page.</summary>
    public const int PageSize = 250;

    private const int MaxRestarts = 3;

    /// <summary>Reads every page of a list; <paramref name="page"/> gets the continue token (null first).</summary>
    /// <param name="what">The list, for errors, e.g. <c>pods</c>.</param>
    /// <param name="page">Reads one page.</param>
    /// <param name="cancellationToken">Stops the list.</param>
    public static Task<List<T>> AllAsync<T>(string what, Func<string?, CancellationToken, Task<(IEnumerable<T> Items, string? Continue)>> page, CancellationToken cancellationToken) =>
        ReduceAsync<T, T>(what, page, item => [item], cancellationToken);

    /// <summary>
    /// Reads every page of a list and keeps only what <paramref name="reduce"/> takes from each item,
    /// before the next page is fetched: a page of typed objects never outlives its own reduction.
    /// </summary>
    /// <param name="what">The list, for errors, e.g. <c>pods</c>.</param>
    /// <param name="page">Reads one page.</param>
    /// <param name="reduce">What to keep of one item, e.g. the protections a Pod implies.</param>
    /// <param name="cancellationToken">Stops the list.</param>
    public static async Task<List<TResult>> ReduceAsync<T, TResult>(string what, Func<string?, CancellationToken, Task<(IEnumerable<T> Items, string? Continue)>> page, Func<T, IEnumerable<TResult>> reduce, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var kept = new List<TResult>();
            string? token = null;
            try
            {
                do
                {
                    var (pageItems, next) = await page(token, cancellationToken);
                    foreach (var item in pageItems)
                    {
                        kept.AddRange(reduce(item));
                    }

                    token = string.IsNullOrEmpty(next) ? null : next;
                }
                while (token is not null);
                return kept;
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Gone && token is not null && attempt < MaxRestarts)
            {
                // The continue token expired: start this list again from the beginning.
            }
            catch (JsonException e)
            {
                throw new KubernetesSourceException($"list {what}: the body is not the JSON expected ({e.Message})", e);
            }
        }
    }
}
