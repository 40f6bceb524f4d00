using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OciCleanup.TestServers;

namespace OciCleanup.Bench;

/// <summary>
/// One cluster of the <c>fleet</c> variant, shaped like a real one (issue 24): Pods as an API server
/// returns them (labels, owner references, managed fields, probes, env, status with the pulled digest),
/// ReplicaSets (current and old revisions), StatefulSets, Flux HelmReleases with their retained Helm
/// release Secrets (base64 of gzip of the release JSON: chart templates, values, rendered manifest),
/// ImageRepositories and ImagePolicies. Every image names a package of the registry fleet.
/// </summary>
internal sealed class ClusterObjects(string registry, FleetServer fleet, int owners, int packages, int tags)
{
    /// <summary>Helm release Secrets kept per release (Flux's default <c>maxHistory</c> is 5).</summary>
    public const int Revisions = 5;

    private static readonly string[] PodConditions = ["Initialized", "Ready", "ContainersReady", "PodScheduled"];

    private string Image(int i, out string repository, out string tag)
    {
        repository = $"owner{i % owners}/pkg{(i * 7) % packages}";
        tag = $"1.0.{(i * 3) % tags}";
        return $"{registry}/{repository}:{tag}";
    }

    public void Fill(KubernetesTestServer server, int cluster, ClusterShape shape)
    {
        for (var i = 0; i < shape.Pods; i++)
        {
            var image = Image(i + cluster, out var repository, out var tag);
            server.ApplyJson(Pod(cluster, i, image, $"{registry}/{repository}@{fleet.DigestOf(repository, tag)}"));
        }

        for (var i = 0; i < shape.ReplicaSets; i++)
        {
            server.ApplyJson(Workload("apps/v1", "ReplicaSet", $"app-{i % 300}-{i:x6}", Image(i * 5 + cluster, out _, out _), i));
        }

        for (var i = 0; i < shape.StatefulSets; i++)
        {
            server.ApplyJson(Workload("apps/v1", "StatefulSet", $"db-{i}", Image(i * 11 + cluster, out _, out _), i));
        }

        for (var i = 0; i < shape.HelmReleases; i++)
        {
            var ns = $"team-{i % 20}";
            Image(i * 13 + cluster, out var repository, out var tag);
            server.ApplyJson(HelmRelease(ns, $"release-{i}", repository, tag));
            for (var revision = 1; revision <= Revisions; revision++)
            {
                Image(i * 13 + cluster + revision, out var oldRepository, out var oldTag);
                server.ApplyJson(ReleaseSecret(ns, $"release-{i}", revision, revision == Revisions ? tag : oldTag, revision == Revisions ? repository : oldRepository));
            }
        }

        for (var i = 0; i < shape.ImagePolicies; i++)
        {
            Image(i * 17 + cluster, out var repository, out var tag);
            server.ApplyJson(Node(new { apiVersion = "image.toolkit.fluxcd.io/v1", kind = "ImageRepository", metadata = Meta($"team-{i % 20}", $"repo-{i}", i), spec = new { image = $"{registry}/{repository}", interval = "5m" }, status = new { canonicalImageName = $"{registry}/{repository}", lastScanResult = new { tagCount = tags } } }));
            server.ApplyJson(Node(new
            {
                apiVersion = "image.toolkit.fluxcd.io/v1",
                kind = "ImagePolicy",
                metadata = Meta($"team-{i % 20}", $"policy-{i}", i),
                spec = new { imageRepositoryRef = new { name = $"repo-{i}" }, filterTags = new { pattern = @"^1\.0\.(?P<n>[0-9]+)$", extract = "$n" }, policy = new { numerical = new { order = "asc" } } },
                status = new { latestRef = new { name = $"{registry}/{repository}", tag, digest = fleet.DigestOf(repository, tag) }, observedGeneration = 1 },
            }));
        }
    }

    private static JsonObject Node(object value) => JsonSerializer.SerializeToNode(value)!.AsObject();

    private static object Meta(string ns, string name, int i) => new
    {
        name,
        @namespace = ns,
        uid = new Guid(i, 0, 0, new byte[8]).ToString(),
        resourceVersion = (100_000 + i).ToString(CultureInfo.InvariantCulture),
        generation = 1,
        creationTimestamp = "2026-01-01T00:00:00Z",
        labels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = name, ["app.kubernetes.io/instance"] = name, ["app.kubernetes.io/managed-by"] = "Helm", ["helm.toolkit.fluxcd.io/name"] = name },
        annotations = new Dictionary<string, string> { ["meta.helm.sh/release-name"] = name, ["meta.helm.sh/release-namespace"] = ns },
    };

    private static object PodSpec(string image, int i) => new
    {
        containers = new object[]
        {
            new
            {
                name = "app",
                image,
                imagePullPolicy = "IfNotPresent",
                ports = new[] { new { name = "http", containerPort = 8080, protocol = "TCP" } },
                env = Enumerable.Range(0, 15).Select(e => new { name = $"SETTING_{e}", value = $"value-{e}-{i}" }).ToArray(),
                resources = new { limits = new { cpu = "500m", memory = "512Mi" }, requests = new { cpu = "50m", memory = "128Mi" } },
                volumeMounts = Enumerable.Range(0, 4).Select(v => new { name = $"volume-{v}", mountPath = $"/mnt/volume-{v}", readOnly = true }).ToArray(),
                livenessProbe = new { httpGet = new { path = "/healthz", port = "http", scheme = "HTTP" }, periodSeconds = 10, timeoutSeconds = 1, failureThreshold = 3 },
                readinessProbe = new { httpGet = new { path = "/ready", port = "http", scheme = "HTTP" }, periodSeconds = 5, timeoutSeconds = 1, failureThreshold = 3 },
                securityContext = new { runAsNonRoot = true, readOnlyRootFilesystem = true, allowPrivilegeEscalation = false, capabilities = new { drop = new[] { "ALL" } } },
            },
        },
        volumes = Enumerable.Range(0, 4).Select(v => new { name = $"volume-{v}", configMap = new { name = $"config-{v}", defaultMode = 420 } }).ToArray(),
        serviceAccountName = "default",
        restartPolicy = "Always",
        terminationGracePeriodSeconds = 30,
        dnsPolicy = "ClusterFirst",
        tolerations = new[] { new { key = "node.kubernetes.io/not-ready", @operator = "Exists", effect = "NoExecute", tolerationSeconds = 300 } },
    };

    private static JsonObject Pod(int cluster, int i, string image, string imageId)
    {
        var spec = Node(PodSpec(image, i));
        spec["nodeName"] = $"node-{i % 30}";
        var metadata = Node(Meta($"team-{i % 20}", $"app-{i % 300}-{i:x6}-pod{cluster}", i));
        metadata["ownerReferences"] = JsonSerializer.SerializeToNode(new[] { new { apiVersion = "apps/v1", kind = "ReplicaSet", name = $"app-{i % 300}-{i:x6}", uid = new Guid(i, 1, 0, new byte[8]).ToString(), controller = true, blockOwnerDeletion = true } });
        metadata["managedFields"] = new JsonArray(
            Node(new { manager = "kube-controller-manager", operation = "Update", apiVersion = "v1", time = "2026-01-01T00:00:00Z", fieldsType = "FieldsV1" }),
            Node(new { manager = "kubelet", operation = "Update", apiVersion = "v1", time = "2026-01-01T00:00:05Z", fieldsType = "FieldsV1", subresource = "status" }));
        metadata["managedFields"]![0]!["fieldsV1"] = new JsonObject { ["f:metadata"] = FieldsOf(metadata.DeepClone()), ["f:spec"] = FieldsOf(spec.DeepClone()) };
        var status = Node(new
        {
            phase = "Running",
            hostIP = $"10.0.{i % 30}.1",
            podIP = $"10.42.{i / 250}.{i % 250}",
            startTime = "2026-01-01T00:00:05Z",
            qosClass = "Burstable",
            conditions = PodConditions.Select(t => new { type = t, status = "True", lastTransitionTime = "2026-01-01T00:00:05Z" }).ToArray(),
            containerStatuses = new[] { new { name = "app", image, imageID = imageId, containerID = $"containerd://{i:x64}", ready = true, restartCount = 0, started = true, state = new { running = new { startedAt = "2026-01-01T00:00:06Z" } } } },
        });
        metadata["managedFields"]![1]!["fieldsV1"] = new JsonObject { ["f:status"] = FieldsOf(status.DeepClone()) };
        return new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Pod", ["metadata"] = metadata, ["spec"] = spec, ["status"] = status };
    }

    /// <summary>A managed-fields set as the API server writes it: every field of the object as <c>f:name</c>.</summary>
    private static JsonObject FieldsOf(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create<string, JsonNode?>($"f:{p.Key}", FieldsOf(p.Value)))) { ["."] = new JsonObject() },
        JsonArray a => new JsonObject(a.Select((item, n) => KeyValuePair.Create<string, JsonNode?>(item is JsonObject o ? $"k:{{\"name\":\"{o["name"]?.ToString() ?? n.ToString(CultureInfo.InvariantCulture)}\"}}" : $"v:{item?.ToJsonString()}", FieldsOf(item)))),
        _ => new JsonObject(),
    };

    private static JsonObject Workload(string apiVersion, string kind, string name, string image, int i)
    {
        var spec = new JsonObject { ["replicas"] = i % 4 == 0 ? 1 : 0, ["selector"] = Node(new { matchLabels = new { app = name } }), ["template"] = new JsonObject { ["metadata"] = Node(new { labels = new { app = name } }), ["spec"] = Node(PodSpec(image, i)) } };
        return new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind, ["metadata"] = Node(Meta($"team-{i % 20}", name, i)), ["spec"] = spec, ["status"] = Node(new { replicas = 0, observedGeneration = 1 }) };
    }

    private JsonObject HelmRelease(string ns, string name, string repository, string tag) => Node(new
    {
        apiVersion = "helm.toolkit.fluxcd.io/v2",
        kind = "HelmRelease",
        metadata = Meta(ns, name, name.Length),
        spec = new
        {
            interval = "10m",
            chart = new { spec = new { chart = "./deploy/helm", sourceRef = new { kind = "GitRepository", name = "flux-system" } } },
            values = new { image = new { repository = $"{registry}/{repository}", tag }, replicaCount = 1, resources = new { limits = new { memory = "512Mi" } } },
        },
        status = new
        {
            history = Enumerable.Range(1, Revisions).Reverse().Select(r => new { name, @namespace = ns, version = r, chartName = "app", chartVersion = $"0.1.{r}", appVersion = "1.0.0", status = r == Revisions ? "deployed" : "superseded", digest = $"sha256:{r:x64}" }).ToArray(),
            lastAttemptedRevision = $"0.1.{Revisions}",
        },
    });

    private JsonObject ReleaseSecret(string ns, string name, int revision, string tag, string repository)
    {
        var manifest = $"""
            ---
            apiVersion: v1
            kind: Service
            metadata: {"{"}name: {name}{"}"}
            spec: {"{"}ports: [{"{"}port: 80, targetPort: http{"}"}]{"}"}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {"{"}name: {name}, labels: {"{"}app: {name}{"}"}{"}"}
            spec:
              template:
                spec:
                  containers:
                    - name: app
                      image: "{registry}/{repository}:{tag}"
                      env: [{string.Join(", ", Enumerable.Range(0, 20).Select(e => $"{{name: SETTING_{e}, value: value-{e}}}"))}]
            """;
        var templates = Enumerable.Range(0, 6).Select(t => new { name = $"templates/file-{t}.yaml", data = Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat($"{{{{- if .Values.feature{t} }}}}\nkey-{t}: {{{{ .Values.value{t} | quote }}}}\n{{{{- end }}}}\n", 40)))) }).ToArray();
        var release = JsonSerializer.SerializeToUtf8Bytes(new
        {
            name,
            @namespace = ns,
            version = revision,
            info = new { status = revision == Revisions ? "deployed" : "superseded", first_deployed = "2026-01-01T00:00:00Z", last_deployed = "2026-01-01T00:00:00Z", description = "Upgrade complete" },
            chart = new { metadata = new { name = "app", version = $"0.1.{revision}", appVersion = "1.0.0", apiVersion = "v2" }, templates, values = new { image = new { repository = "", tag = "" } } },
            config = new { image = new { repository = $"{registry}/{repository}", tag } },
            manifest,
            hooks = Array.Empty<object>(),
        });
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(release);
        }

        return Node(new
        {
            apiVersion = "v1",
            kind = "Secret",
            metadata = new { name = $"sh.helm.release.v1.{name}.v{revision}", @namespace = ns, labels = new { owner = "helm", name, status = revision == Revisions ? "deployed" : "superseded", version = revision.ToString(CultureInfo.InvariantCulture) } },
            type = "helm.sh/release.v1",
            data = new { release = Convert.ToBase64String(Encoding.ASCII.GetBytes(Convert.ToBase64String(buffer.ToArray()))) },
        });
    }
}
