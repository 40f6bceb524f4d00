using System.Text;
using System.Text.Json.Nodes;

namespace OciCleanup.Integration.Tests.Kubernetes;

/// <summary>Flux objects and values, good and faulty, for <see cref="ClusterInputFaultTests"/>; all name images of <c>oleks/app</c>.</summary>
internal static class FluxFaultObjects
{
    private const string AppImage = "git.oleks.space/oleks/app";

    // A HelmRelease whose values nest `depth` levels before naming app:unreferenced-1; JSON, as YAML that deep is unreadable.
    public static JsonObject DeepRelease(int depth)
    {
        JsonNode values = new JsonObject { ["image"] = $"{AppImage}:unreferenced-1" };
        for (var i = 0; i < depth; i++)
        {
            values = new JsonObject { ["nested"] = values };
        }

        return new JsonObject
        {
            ["apiVersion"] = "helm.toolkit.fluxcd.io/v2",
            ["kind"] = "HelmRelease",
            ["metadata"] = new JsonObject { ["name"] = "deep", ["namespace"] = "shop" },
            ["spec"] = new JsonObject { ["interval"] = "10m", ["values"] = values },
        };
    }

    public const string ReleaseWithValuesFrom = """
        ---
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: from-values
          namespace: shop
        spec:
          interval: 10m
          valuesFrom:
            - kind: ConfigMap
              name: extra-values

        """;

    public static string ValuesConfigMap(string values) => $"""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: extra-values
          namespace: shop
        data:
          values.yaml: |
        {string.Join('\n', values.TrimEnd('\n').Split('\n').Select(line => "    " + line))}

        """;

    public const string AppImageRepository = """
        apiVersion: image.toolkit.fluxcd.io/v1
        kind: ImageRepository
        metadata:
          name: app
          namespace: kotkan
        spec:
          image: git.oleks.space/oleks/app
          interval: 5m
        ---

        """;

    public static string ImagePolicy(string name, string pattern) => $"""
        apiVersion: image.toolkit.fluxcd.io/v1
        kind: ImagePolicy
        metadata:
          name: {name}
          namespace: kotkan
        spec:
          imageRepositoryRef:
            name: app
          filterTags:
            pattern: '{pattern}'
          policy:
            alphabetical:
              order: asc

        """;

    // The "billion laughs": each anchor ten aliases of the one before, 10^levels strings once expanded.
    public static string Laughs(int levels)
    {
        var yaml = new StringBuilder("l0: &l0 lol\n");
        for (var i = 1; i <= levels; i++)
        {
            yaml.Append($"l{i}: &l{i} [").AppendJoin(", ", Enumerable.Repeat($"*l{i - 1}", 10)).Append("]\n");
        }

        return yaml.ToString();
    }
}
