using System.Net;
using System.Text.Json;
using k8s.Autorest;

namespace OciCleanup.Pins.Kubernetes;

/// <summary>
/// Lists a kind completely with <c>limit</c>/<c>continue</c>, never with <c>resourceVersion=0</c>
/// (that may serve stale cache). An expired continue token (410 Gone) restarts the list. A page
/// whose body is not the list it should be fails the list, naming it; so does a list not complete
/// within its timeout (all pages and restarts together: a server trickling whitespace, or handing
/// out continue tokens forever).
/// </summary>
public static class PagedList
{
    /// <summary>Items per page.</summary>
    public const int PageSize = 250;

    /// <summary>How long one list may take, all its pages together, unless the caller says otherwise.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    private const int MaxRestarts = 3;

    /// <summary>Reads every page of a list; <paramref name="page"/> gets the continue token (null first).</summary>
    /// <param name="what">The list, for errors, e.g. <c>pods</c>.</param>
    /// <param name="page">Reads one page.</param>
    /// <param name="timeout">How long the whole list may take (<see cref="DefaultTimeout"/> when null).</param>
    /// <param name="cancellationToken">Stops the list.</param>
    public static Task<List<T>> AllAsync<T>(string what, Func<string?, CancellationToken, Task<(IEnumerable<T> Items, string? Continue)>> page, TimeSpan? timeout, CancellationToken cancellationToken) =>
        ReduceAsync<T, T>(what, page, item => [item], timeout, cancellationToken);

    /// <summary>
    /// Reads every page of a list and keeps only what <paramref name="reduce"/> takes from each item,
    /// before the next page is fetched: a page of typed objects never outlives its own reduction.
    /// </summary>
    /// <param name="what">The list, for errors, e.g. <c>pods</c>.</param>
    /// <param name="page">Reads one page.</param>
    /// <param name="reduce">What to keep of one item, e.g. the protections a Pod implies.</param>
    /// <param name="timeout">How long the whole list may take (<see cref="DefaultTimeout"/> when null).</param>
    /// <param name="cancellationToken">Stops the list.</param>
    public static async Task<List<TResult>> ReduceAsync<T, TResult>(string what, Func<string?, CancellationToken, Task<(IEnumerable<T> Items, string? Continue)>> page, Func<T, IEnumerable<TResult>> reduce, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var limit = timeout ?? DefaultTimeout;
        using var deadline = new CancellationTokenSource(limit);
        using var listing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        for (var attempt = 0; ; attempt++)
        {
            var kept = new List<TResult>();
            string? token = null;
            try
            {
                do
                {
                    // KubernetesClient reads a body synchronously, deaf to the token, and when the answer is already
                    // there the whole call runs on the caller's thread: Task.Run keeps this one free, and WaitAsync
                    // ends the list on time whatever that read does.
                    var current = token;
                    var (pageItems, next) = await Task.Run(() => page(current, listing.Token), listing.Token).WaitAsync(listing.Token);
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
            catch (OperationCanceledException e) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new KubernetesSourceException($"list {what}: not complete within {limit.TotalSeconds:0.#} s (all pages together)", e);
            }
            catch (ResponseBodyException e)
            {
                throw new KubernetesSourceException($"list {what}: {e.Message}", e);
            }
        }
    }
}
