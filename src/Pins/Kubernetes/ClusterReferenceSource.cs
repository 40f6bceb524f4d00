using k8s;
using k8s.Autorest;
using Microsoft.Extensions.Logging;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Pins.Kubernetes;

/// <summary>
/// One cluster as a reference source: workloads and Flux objects. Fails closed: an unreachable API,
/// a 401/403, or a list error after retries makes the whole source failed, naming the call.
/// </summary>
public sealed class ClusterReferenceSource(string cluster, Func<IKubernetes> connect, ReferenceKinds kinds, ILogger<ClusterReferenceSource> logger) : IReferenceSource
{
    /// <inheritdoc />
    public async Task<SourceResult> CollectAsync(CancellationToken cancellationToken)
    {
        var name = $"cluster:{cluster}";
        try
        {
            using var client = connect();
            var workloads = await new WorkloadScanner(client, cluster, kinds).ScanAsync(cancellationToken);
            var (flux, notes) = await new FluxScanner(client, cluster, kinds).ScanAsync(cancellationToken);
            logger.LogInformation("Cluster {Cluster}: {Workload} workload and {Flux} Flux references", cluster, workloads.Count, flux.Count);
            return SourceResult.Ok(name, workloads.Concat(flux), notes);
        }
        catch (HttpOperationException e)
        {
            var path = e.Request?.RequestUri?.AbsolutePath ?? "?";
            logger.LogError("Cluster {Cluster} failed: HTTP {Status} on {Path}", cluster, (int)e.Response.StatusCode, path);
            return SourceResult.Failed(name, $"HTTP {(int)e.Response.StatusCode} {e.Response.StatusCode} on {path}");
        }
        catch (Exception e) when (e is HttpRequestException or KubernetesSourceException or k8s.Exceptions.KubeConfigException or TaskCanceledException or IOException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogError("Cluster {Cluster} failed: {Error}", cluster, e.Message);
            return SourceResult.Failed(name, e.Message);
        }
    }
}
