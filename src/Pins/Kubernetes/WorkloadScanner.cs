using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Pins.Kubernetes;

/// <summary>
/// Reads workloads in all namespaces: Pods (spec images and the digests nodes pulled), Deployments
/// (also at 0 replicas), StatefulSets, DaemonSets, Jobs, CronJobs (suspended too), ReplicaSets
/// (active ones as workloads, old ones as rollout history) and ControllerRevisions. Each page is
/// reduced to the protections it implies before the next is fetched; up to
/// <paramref name="concurrency"/> kinds are listed at once, and the result keeps the kinds' order; each list
/// must be complete within <paramref name="listTimeout"/> (<see cref="PagedList.DefaultTimeout"/> when null).
/// </summary>
public sealed class WorkloadScanner(IKubernetes client, string cluster, ReferenceKinds kinds, int concurrency = 1, TimeSpan? listTimeout = null)
{
    /// <summary>Every protection the workloads of the cluster imply.</summary>
    public async Task<List<Protection.Protection>> ScanAsync(CancellationToken cancellationToken)
    {
        var lists = new List<Func<CancellationToken, Task<List<Protection.Protection>>>>();
        if (kinds.Workloads)
        {
            lists.Add(ct => PagedList.ReduceAsync("pods", async (c, t) => Page(await client.CoreV1.ListPodForAllNamespacesAsync(continueParameter: c, limit: PagedList.PageSize, cancellationToken: t)), pod => Workload(pod.Metadata, "Pod", PodSpecImages.Of(pod.Spec).Concat(PodSpecImages.PulledDigests(pod.Status))), listTimeout, ct));
            lists.Add(ct => PagedList.ReduceAsync("deployments", async (c, t) => Page(await client.AppsV1.ListDeploymentForAllNamespacesAsync(continueParameter: c, limit: PagedList.PageSize, cancellationToken: t)), d => Workload(d.Metadata, "Deployment", PodSpecImages.Of(d.Spec?.Template?.Spec)), listTimeout, ct));
            lists.Add(ct => PagedList.ReduceAsync("statefulsets", async (c, t) => Page(await client.AppsV1.ListStatefulSetForAllNamespacesAsync(continueParameter: c, limit: PagedList.PageSize, cancellationToken: t)), s => Workload(s.Metadata, "StatefulSet", PodSpecImages.Of(s.Spec?.Template?.Spec)), listTimeout, ct));
            lists.Add(ct => PagedList.ReduceAsync("daemonsets", async (c, t) => Page(await client.AppsV1.ListDaemonSetForAllNamespacesAsync(continueParameter: c, limit: PagedList.PageSize, cancellationToken: t)), s => Workload(s.Metadata, "DaemonSet", PodSpecImages.Of(s.Spec?.Template?.Spec)), listTimeout, ct));
            lists.Add(ct => PagedList.ReduceAsync("jobs", async (c, t) => Page(await client.BatchV1.ListJobForAllNamespacesAsync(continueParameter: c, limit: PagedList.PageSize, cancellationToken: t)), j => Workload(j.Metadata, "Job", PodSpecImages.Of(j.Spec?.Template?.Spec)), listTimeout, ct));
            lists.Add(ct => PagedList.ReduceAsync("cronjobs", async (c, t) => Page(await client.BatchV1.ListCronJobForAllNamespacesAsync(continueParameter: c, limit: PagedList.PageSize, cancellationToken: t)), j => Workload(j.Metadata, "CronJob", PodSpecImages.Of(j.Spec?.JobTemplate?.Spec?.Template?.Spec)), listTimeout, ct));
        }

        if (kinds.Workloads || kinds.ReplicaSetHistory)
        {
            lists.Add(ct => PagedList.ReduceAsync("replicasets", async (c, t) => Page(await client.AppsV1.ListReplicaSetForAllNamespacesAsync(continueParameter: c, limit: PagedList.PageSize, cancellationToken: t)), ReplicaSet, listTimeout, ct));
        }

        if (kinds.ReplicaSetHistory)
        {
            lists.Add(ct => PagedList.ReduceAsync("controllerrevisions", async (c, t) => Page(await client.AppsV1.ListControllerRevisionForAllNamespacesAsync(continueParameter: c, limit: PagedList.PageSize, cancellationToken: t)), Revision, listTimeout, ct));
        }

        // The first list that fails stops the others: one failure fails the cluster anyway.
        using var slots = new SemaphoreSlim(Math.Max(1, concurrency));
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var results = await Task.WhenAll(lists.Select(async list =>
        {
            await slots.WaitAsync(failed.Token);
            try
            {
                return await list(failed.Token);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await failed.CancelAsync();
                throw;
            }
            finally
            {
                slots.Release();
            }
        }));
        return [.. results.SelectMany(r => r)];
    }

    private IEnumerable<Protection.Protection> ReplicaSet(V1ReplicaSet rs)
    {
        var active = (rs.Spec?.Replicas ?? 0) > 0 || (rs.Status?.Replicas ?? 0) > 0;
        return (active ? kinds.Workloads : kinds.ReplicaSetHistory)
            ? Protect(rs.Metadata, "ReplicaSet", PodSpecImages.Of(rs.Spec?.Template?.Spec), active ? ReasonKind.Workload : ReasonKind.ReplicaSetHistory)
            : [];
    }

    private IEnumerable<Protection.Protection> Revision(V1ControllerRevision revision)
    {
        // `data` holds the StatefulSet/DaemonSet template as a patch: scan it for images wherever they are.
        var data = revision.Data is null ? null : JsonNode.Parse(JsonSerializer.Serialize(revision.Data));
        return Protect(revision.Metadata, "ControllerRevision", JsonTree.ManifestImages(data), ReasonKind.ReplicaSetHistory);
    }

    private static (IEnumerable<T>, string?) Page<T>(IItems<T> list) where T : IKubernetesObject =>
        (list.Items ?? [], ((IMetadata<V1ListMeta>)list).Metadata?.ContinueProperty);

    private IEnumerable<Protection.Protection> Workload(V1ObjectMeta? meta, string kind, IEnumerable<FoundImage> images) =>
        Protect(meta, kind, images, ReasonKind.Workload);

    private IEnumerable<Protection.Protection> Protect(V1ObjectMeta? meta, string kind, IEnumerable<FoundImage> images, string reason) =>
        FoundImage.Protect(images, reason, f => Provenance.Origin(cluster, meta?.NamespaceProperty, kind, meta?.Name ?? "?", f.Where));
}
