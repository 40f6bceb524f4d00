using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Pins.Kubernetes;

/// <summary>
/// Reads workloads in all namespaces: Pods (spec images and the digests nodes pulled), Deployments
/// (also at 0 replicas), StatefulSets, DaemonSets, Jobs, CronJobs (suspended too), ReplicaSets
/// (active ones as workloads, old ones as rollout history) and ControllerRevisions.
/// </summary>
public sealed class WorkloadScanner(IKubernetes client, string cluster, ReferenceKinds kinds)
{
    /// <summary>Every protection the workloads of the cluster imply.</summary>
    public async Task<List<Protection.Protection>> ScanAsync(CancellationToken cancellationToken)
    {
        var found = new List<Protection.Protection>();
        if (kinds.Workloads)
        {
            var pods = await PagedList.AllAsync("pods", async (c, ct) => Page(await client.CoreV1.ListPodForAllNamespacesAsync(continueParameter: c, limit: PagedList.PageSize, cancellationToken: ct)), cancellationToken);
            foreach (var pod in pods)
            {
                found.AddRange(Workload(pod.Metadata, "Pod", PodSpecImages.Of(pod.Spec).Concat(PodSpecImages.PulledDigests(pod.Status))));
            }

            var deployments = await PagedList.AllAsync("deployments", async (c, ct) => Page(await client.AppsV1.ListDeploymentForAllNamespacesAsync(continueParameter: c, limit: PagedList.PageSize, cancellationToken: ct)), cancellationToken);
            found.AddRange(deployments.SelectMany(d => Workload(d.Metadata, "Deployment", PodSpecImages.Of(d.Spec?.Template?.Spec))));
            var statefulSets = await PagedList.AllAsync("statefulsets", async (c, ct) => Page(await client.AppsV1.ListStatefulSetForAllNamespacesAsync(continueParameter: c, limit: PagedList.PageSize, cancellationToken: ct)), cancellationToken);
            found.AddRange(statefulSets.SelectMany(s => Workload(s.Metadata, "StatefulSet", PodSpecImages.Of(s.Spec?.Template?.Spec))));
            var daemonSets = await PagedList.AllAsync("daemonsets", async (c, ct) => Page(await client.AppsV1.ListDaemonSetForAllNamespacesAsync(continueParameter: c, limit: PagedList.PageSize, cancellationToken: ct)), cancellationToken);
            found.AddRange(daemonSets.SelectMany(s => Workload(s.Metadata, "DaemonSet", PodSpecImages.Of(s.Spec?.Template?.Spec))));
            var jobs = await PagedList.AllAsync("jobs", async (c, ct) => Page(await client.BatchV1.ListJobForAllNamespacesAsync(continueParameter: c, limit: PagedList.PageSize, cancellationToken: ct)), cancellationToken);
            found.AddRange(jobs.SelectMany(j => Workload(j.Metadata, "Job", PodSpecImages.Of(j.Spec?.Template?.Spec))));
            var cronJobs = await PagedList.AllAsync("cronjobs", async (c, ct) => Page(await client.BatchV1.ListCronJobForAllNamespacesAsync(continueParameter: c, limit: PagedList.PageSize, cancellationToken: ct)), cancellationToken);
            found.AddRange(cronJobs.SelectMany(j => Workload(j.Metadata, "CronJob", PodSpecImages.Of(j.Spec?.JobTemplate?.Spec?.Template?.Spec))));
        }

        if (kinds.Workloads || kinds.ReplicaSetHistory)
        {
            var replicaSets = await PagedList.AllAsync("replicasets", async (c, ct) => Page(await client.AppsV1.ListReplicaSetForAllNamespacesAsync(continueParameter: c, limit: PagedList.PageSize, cancellationToken: ct)), cancellationToken);
            foreach (var rs in replicaSets)
            {
                var active = (rs.Spec?.Replicas ?? 0) > 0 || (rs.Status?.Replicas ?? 0) > 0;
                if (active ? kinds.Workloads : kinds.ReplicaSetHistory)
                {
                    found.AddRange(Protect(rs.Metadata, "ReplicaSet", PodSpecImages.Of(rs.Spec?.Template?.Spec), active ? ReasonKind.Workload : ReasonKind.ReplicaSetHistory));
                }
            }
        }

        if (kinds.ReplicaSetHistory)
        {
            var revisions = await PagedList.AllAsync("controllerrevisions", async (c, ct) => Page(await client.AppsV1.ListControllerRevisionForAllNamespacesAsync(continueParameter: c, limit: PagedList.PageSize, cancellationToken: ct)), cancellationToken);
            foreach (var revision in revisions)
            {
                // `data` holds the StatefulSet/DaemonSet template as a patch: scan it for images wherever they are.
                var data = revision.Data is null ? null : JsonNode.Parse(JsonSerializer.Serialize(revision.Data));
                found.AddRange(Protect(revision.Metadata, "ControllerRevision", JsonTree.ManifestImages(data), ReasonKind.ReplicaSetHistory));
            }
        }

        return found;
    }

    private static (IEnumerable<T>, string?) Page<T>(IItems<T> list) where T : IKubernetesObject =>
        (list.Items ?? [], ((IMetadata<V1ListMeta>)list).Metadata?.ContinueProperty);

    private IEnumerable<Protection.Protection> Workload(V1ObjectMeta? meta, string kind, IEnumerable<FoundImage> images) =>
        Protect(meta, kind, images, ReasonKind.Workload);

    private IEnumerable<Protection.Protection> Protect(V1ObjectMeta? meta, string kind, IEnumerable<FoundImage> images, string reason) =>
        FoundImage.Protect(images, reason, f => Provenance.Of(cluster, meta?.NamespaceProperty, kind, meta?.Name ?? "?", f.Where));
}
