using System.Net;

namespace OciCleanup.Cleaner.Tests;

public class SourceBoundaryTests
{
    private static readonly CancellationToken NotCancelled = CancellationToken.None;

    [Fact]
    public async Task InventoryAsync_RegistryThrowsUnexpectedException_IsThatRegistrysFailure()
    {
        var registry = StubRegistries.Oci(Some.Oci(), _ => throw new InvalidOperationException("a bug in a handler"));

        var (versions, source) = await SourceBoundary.InventoryAsync(registry, logger: null, NotCancelled);

        versions.ShouldBeEmpty();
        source.Name.ShouldBe("registry:lan");
        source.Status.ShouldBe(SourceStatus.Failed);
        source.Error.ShouldBe("registry lan: InvalidOperationException: a bug in a handler");
    }

    [Fact]
    public async Task InventoryAsync_RegistryAnswers_IsOkWithItsVersionCount()
    {
        var registry = StubRegistries.Oci(Some.Oci(), _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"repositories":[]}""") });

        var (versions, source) = await SourceBoundary.InventoryAsync(registry, logger: null, NotCancelled);

        versions.ShouldBeEmpty();
        source.Status.ShouldBe(SourceStatus.Ok);
        source.Notes.ShouldBe(["0 versions"]);
    }

    [Fact]
    public async Task InventoryAsync_TimeoutInsideTheRegistry_IsItsFailureNotTheCallersCancellation()
    {
        var registry = StubRegistries.Oci(Some.Oci(), _ => throw new TaskCanceledException("timeout", new TimeoutException()));

        var (_, source) = await SourceBoundary.InventoryAsync(registry, logger: null, NotCancelled);

        source.Status.ShouldBe(SourceStatus.Failed);
    }

    [Fact]
    public async Task InventoryAsync_CallerCancelled_CancellationPropagates()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var registry = StubRegistries.Oci(Some.Oci(), _ => throw new OperationCanceledException(cancelled.Token));

        await Should.ThrowAsync<OperationCanceledException>(() => SourceBoundary.InventoryAsync(registry, logger: null, cancelled.Token));
    }

    [Fact]
    public async Task CollectAsync_SourceThrows_IsThatSourcesFailure()
    {
        var source = new NamedSource("cluster:armer", new ThrowingSource(new InvalidDataException("kubeconfig /etc/k is empty")));

        var result = await SourceBoundary.CollectAsync(source, logger: null, NotCancelled);

        result.Name.ShouldBe("cluster:armer");
        result.Status.ShouldBe(SourceStatus.Failed);
        result.Error.ShouldBe("InvalidDataException: kubeconfig /etc/k is empty");
    }

    [Fact]
    public async Task CollectAsync_CallerCancelled_CancellationPropagates()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var source = new NamedSource("cluster:armer", new ThrowingSource(new OperationCanceledException(cancelled.Token)));

        await Should.ThrowAsync<OperationCanceledException>(() => SourceBoundary.CollectAsync(source, logger: null, cancelled.Token));
    }
}
