using System.Collections.Immutable;
using k8s;
using Microsoft.Extensions.Logging;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Pins.Kubernetes;

/// <summary>
/// One cluster as a reference source: workloads and Flux objects. Fails closed: whatever reading the
/// cluster throws — an unreachable API, a 401/403, a list error after retries, an object that cannot
/// be parsed, a Flux group served only in versions this build cannot read — makes the whole source
/// failed with the cause and, where there is one, the object. Only the run's own cancellation passes through.
/// Up to <paramref name="concurrency"/> workload kinds are listed at once; each list must be complete within
/// <paramref name="listTimeout"/> (<see cref="PagedList.DefaultTimeout"/> when null).
/// </summary>
public sealed class ClusterReferenceSource(string cluster, Func<IKubernetes> connect, ReferenceKinds kinds, ILogger<ClusterReferenceSource> logger, int concurrency = 1, TimeSpan? listTimeout = null) : IReferenceSource
{
    /// <inheritdoc />
    public async Task<SourceResult> CollectAsync(CancellationToken cancellationToken)
    {
        var name = $"cluster:{cluster}";
        ImmutableArray<string> served = [];
        Uri? server = null;
        try
        {
            using var client = connect();
            server = client.BaseUri;
            var fluxScanner = new FluxScanner(client, cluster, kinds, listTimeout);
            var versions = fluxScanner.ReadsFlux ? await fluxScanner.DiscoverAsync(cancellationToken) : null;
            served = versions?.ServedGroups ?? [];
            var workloads = await new WorkloadScanner(client, cluster, kinds, concurrency, listTimeout).ScanAsync(cancellationToken);
            var (flux, notes, warnings) = versions is null ? ([], [], []) : await fluxScanner.ScanAsync(versions, cancellationToken);
            logger.LogInformation("Cluster {Cluster}: {Workload} workload and {Flux} Flux references", cluster, workloads.Count, flux.Count);
            return SourceResult.Ok(name, workloads.Concat(flux), notes) with { ServedGroups = served, Warnings = [.. warnings] };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            var error = ErrorText.Of(e, server);
            logger.LogError("Cluster {Cluster} failed: {Error}", cluster, error);
            return SourceResult.Failed(name, error) with { ServedGroups = served };
        }
    }
}
