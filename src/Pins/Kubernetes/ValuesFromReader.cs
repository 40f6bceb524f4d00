using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;

namespace OciCleanup.Pins.Kubernetes;

/// <summary>
/// Reads a HelmRelease's <c>spec.valuesFrom</c> ConfigMaps and Secrets by name. A missing object or
/// key is a note (Flux itself would not reconcile); YAML that cannot be read fails the source,
/// naming the release, the object and the key.
/// </summary>
internal sealed class ValuesFromReader(IKubernetes client, string cluster)
{
    public async Task<List<ValuesReference>> ReadAsync(JsonNode release, List<string> notes, CancellationToken cancellationToken)
    {
        var result = new List<ValuesReference>();
        var ns = JsonTree.At(release, "metadata.namespace") ?? "default";
        var detail = Provenance.Of(cluster, ns, "HelmRelease", JsonTree.At(release, "metadata.name") ?? "");
        foreach (var entry in JsonTree.Node(release, "spec.valuesFrom") as JsonArray ?? [])
        {
            var kind = JsonTree.At(entry, "kind");
            var name = JsonTree.At(entry, "name") ?? "";
            var key = JsonTree.At(entry, "valuesKey") ?? "values.yaml";
            var targetPath = JsonTree.At(entry, "targetPath");
            var text = await TextAsync(kind, name, ns, key, cancellationToken);
            if (text is null)
            {
                notes.Add($"{detail}: valuesFrom {kind}/{name} key {key} not found");
                continue;
            }

            if (targetPath is not null)
            {
                result.Add(new ValuesReference(null, targetPath, text.Trim()));
                continue;
            }

            try
            {
                result.Add(new ValuesReference(YamlDocuments.Parse(text) is [var first, ..] ? first : null, null, null));
            }
            catch (YamlDocumentException e)
            {
                throw new KubernetesSourceException($"{detail}: valuesFrom {kind} {ns}/{name} key {key}: {e.Message}", e);
            }
        }

        return result;
    }

    private async Task<string?> TextAsync(string? kind, string name, string ns, string key, CancellationToken cancellationToken)
    {
        try
        {
            if (kind == "Secret")
            {
                var secret = await client.CoreV1.ReadNamespacedSecretAsync(name, ns, cancellationToken: cancellationToken);
                return secret.Data?.TryGetValue(key, out var bytes) == true ? Encoding.UTF8.GetString(bytes) : null;
            }

            var map = await client.CoreV1.ReadNamespacedConfigMapAsync(name, ns, cancellationToken: cancellationToken);
            return map.Data is { } data && data.TryGetValue(key, out var value) ? value : null;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
