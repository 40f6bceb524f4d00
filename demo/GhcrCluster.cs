using System.Text;

namespace OciCleanup.Demo;

/// <summary>
/// The cluster of seed 004 as Kubernetes objects: per app a namespace's Deployment on the sha Woodpecker
/// last set, its ReplicaSet, and (at 0 replicas) the ReplicaSets of the shas before it, or a CronJob on <c>latest</c>
/// with <c>imagePullPolicy: Always</c>. Images are named as workloads pull them: <c>ghcr.io/OWNER/NAME:TAG</c>.
/// </summary>
internal static class GhcrCluster
{
    /// <summary>Every (app, tag) a workload of <see cref="Yaml"/> names: what a cleanup must never delete.</summary>
    public static IEnumerable<(string App, string Tag)> Referenced() =>
        GhcrFleet.Apps.SelectMany(app => (app.CronOnLatest ? [(app.Name, "latest")] : Array.Empty<(string, string)>())
            .Concat(app.DeployedBuild is { } deployed
                ? Enumerable.Range(Math.Max(1, deployed - app.History), deployed - Math.Max(1, deployed - app.History) + 1).Select(build => (app.Name, GhcrFleet.Sha8(app.Name, build)))
                : []));

    public static string Yaml()
    {
        var yaml = new StringBuilder();
        foreach (var app in GhcrFleet.Apps)
        {
            var image = $"ghcr.io/{GhcrFleet.Owner}/{app.Name}";
            if (app.CronOnLatest)
            {
                yaml.Append(CronJob(app.Name, $"{image}:latest"));
            }

            if (app.DeployedBuild is not { } deployed)
            {
                continue;
            }

            yaml.Append(Workload("Deployment", app.Name, app.Name, $"{image}:{GhcrFleet.Sha8(app.Name, deployed)}", replicas: 1, revision: deployed));
            // The Deployment's current ReplicaSet runs one pod; the ones before it are scaled to 0 (rollback targets).
            for (var build = Math.Max(1, deployed - app.History); build <= deployed; build++)
            {
                yaml.Append(Workload("ReplicaSet", app.Name, $"{app.Name}-{GhcrFleet.Sha8(app.Name, build)[..5]}", $"{image}:{GhcrFleet.Sha8(app.Name, build)}", replicas: build == deployed ? 1 : 0, revision: build));
            }
        }

        return yaml.ToString();
    }

    private static string Workload(string kind, string app, string name, string image, int replicas, int revision) => $"""
        apiVersion: apps/v1
        kind: {kind}
        metadata:
          name: {name}
          namespace: {app}
          annotations: {"{"}deployment.kubernetes.io/revision: "{revision}"{"}"}
        spec:
          replicas: {replicas}
          selector:
            matchLabels: {"{"}app: {app}{"}"}
          template:
            metadata:
              labels: {"{"}app: {app}{"}"}
            spec:
              containers:
                - name: {app}
                  image: {image}
        ---

        """;

    private static string CronJob(string app, string image) => $"""
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: {app}
          namespace: {app}
        spec:
          schedule: "17 4 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                    - name: {app}
                      image: {image}
                      imagePullPolicy: Always
        ---

        """;
}
