using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;

namespace OciCleanup.Pins.Kubernetes;

/// <summary>
/// Helm keeps each revision in <c>sh.helm.release.v1.&lt;release&gt;.v&lt;N&gt;</c> in the storage namespace;
/// the revisions are in <c>status.history</c>, so each Secret is read by name (no Secret list needed).
/// A Secret that is not a readable release fails the source, naming it.
/// </summary>
internal sealed class ReleaseSecretReader(IKubernetes client, string cluster)
{
    public async Task<List<Protection.Protection>> ReadAsync(JsonNode release, CancellationToken cancellationToken)
    {
        var found = new List<Protection.Protection>();
        var ns = JsonTree.At(release, "metadata.namespace") ?? "default";
        var storage = JsonTree.At(release, "status.storageNamespace") ?? JsonTree.At(release, "spec.storageNamespace") ?? ns;
        foreach (var entry in JsonTree.Node(release, "status.history") as JsonArray ?? [])
        {
            var name = JsonTree.At(entry, "name");
            var revision = JsonTree.At(entry, "version");
            if (name is null || revision is null)
            {
                continue;
            }

            var secretName = $"sh.helm.release.v1.{name}.v{revision}";
            k8s.Models.V1Secret secret;
            try
            {
                secret = await client.CoreV1.ReadNamespacedSecretAsync(secretName, storage, cancellationToken: cancellationToken);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
            {
                continue; // Helm prunes old revisions (history max); nothing to protect.
            }

            if (secret.Type != HelmReleaseSecret.Type || secret.Data?.TryGetValue("release", out var payload) != true)
            {
                continue;
            }

            try
            {
                found.AddRange(HelmReleaseSecret.Protect(cluster, storage, secretName, HelmReleaseSecret.Decode(payload!)));
            }
            catch (Exception e) when (e is FormatException or InvalidDataException or JsonException or YamlDocumentException)
            {
                throw new KubernetesSourceException($"Secret {storage}/{secretName} is not a readable Helm release ({ErrorText.Of(e)})", e);
            }
        }

        return found;
    }
}
