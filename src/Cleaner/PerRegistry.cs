using OciCleanup.Cleaner.Inventory;

namespace OciCleanup.Cleaner;

/// <summary>
/// Work spread over registries, each with as many requests in flight as its own <c>concurrency</c>
/// says (default 8): a registry configured for 1 never sees two at once, and a slow one holds back
/// only its own share.
/// </summary>
internal static class PerRegistry
{
    public static Task ForEachAsync<T>(
        IEnumerable<T> items,
        Func<T, IRegistry> registryOf,
        Func<T, CancellationToken, ValueTask> body,
        CancellationToken cancellationToken) =>
        Task.WhenAll(items.GroupBy(registryOf).Select(group => Parallel.ForEachAsync(
            group,
            new ParallelOptions { MaxDegreeOfParallelism = group.Key.Config.Concurrency, CancellationToken = cancellationToken },
            body)));
}
