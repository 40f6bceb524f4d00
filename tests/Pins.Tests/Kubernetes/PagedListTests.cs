namespace OciCleanup.Pins.Tests.Kubernetes;

public class PagedListTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(300);

    private static Task<List<string>> ListAsync(Func<string?, CancellationToken, Task<(IEnumerable<string> Items, string? Continue)>> page) =>
        PagedList.AllAsync("pods", page, Short, CancellationToken.None);

    [Fact]
    public async Task AllAsync_PageThatNeverAnswers_FailsNamingTheListAndItsTimeout()
    {
        var error = await Should.ThrowAsync<KubernetesSourceException>(() => ListAsync((_, _) => new TaskCompletionSource<(IEnumerable<string>, string?)>().Task));

        error.Message.ShouldBe("list pods: not complete within 0.3 s (all pages together)");
    }

    [Fact]
    public async Task AllAsync_ContinueTokenThatNeverRunsOut_FailsNamingTheListAndItsTimeout()
    {
        var pages = 0;

        var error = await Should.ThrowAsync<KubernetesSourceException>(() => ListAsync(async (_, ct) =>
        {
            Interlocked.Increment(ref pages);
            await Task.Yield();
            return (["pod"], "again");
        }));

        error.Message.ShouldBe("list pods: not complete within 0.3 s (all pages together)");
        pages.ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task AllAsync_PageBlockingTheCallersThread_StillFailsOnTime()
    {
        // KubernetesClient deserializes synchronously: with the answer already buffered, the whole call blocks its caller.
        using var release = new ManualResetEventSlim();
        try
        {
            var error = await Should.ThrowAsync<KubernetesSourceException>(() => ListAsync((_, _) =>
            {
                release.Wait(TimeSpan.FromSeconds(30), CancellationToken.None);
                return Task.FromResult<(IEnumerable<string>, string?)>(([], null));
            }));

            error.Message.ShouldBe("list pods: not complete within 0.3 s (all pages together)");
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public async Task AllAsync_PageBodyOverItsBound_FailsNamingTheListAndTheBound()
    {
        var error = await Should.ThrowAsync<KubernetesSourceException>(() => PagedList.AllAsync<string>(
            "pods", (_, _) => throw new ResponseBodyException("the body is larger than the 64 MiB limit"), null, CancellationToken.None));

        error.Message.ShouldBe("list pods: the body is larger than the 64 MiB limit");
    }
}
