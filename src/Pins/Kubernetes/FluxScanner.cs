using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Pins.Kubernetes;

/// <summary>
/// Reads Flux objects: HelmReleases (active and suspended, with their valuesFrom and, when enabled,
/// the retained Helm release Secrets), OCI HelmRepositories and OCIRepositories, ImagePolicies and
/// ImageRepositories. A Flux group the cluster does not serve is noted, not failed.
/// </summary>
public sealed class FluxScanner(IKubernetes client, string cluster, ReferenceKinds kinds)
{
    /// <summary>The protections, and notes such as "not installed".</summary>
    public async Task<(List<Protection.Protection> Protections, List<string> Notes)> ScanAsync(CancellationToken cancellationToken)
    {
        var found = new List<Protection.Protection>();
        var notes = new List<string>();
        if (!kinds.HelmReleases && !kinds.ImagePolicies)
        {
            return (found, notes);
        }

        var versions = FluxApiVersions.From(await client.Apis.GetAPIVersionsAsync(cancellationToken));
        if (kinds.HelmReleases)
        {
            var ociHelmRepositories = new Dictionary<string, string>();
            if (versions.Source is { } sourceVersion)
            {
                foreach (var repository in await ListAsync(FluxApiVersions.SourceGroup, sourceVersion, "helmrepositories", notes, cancellationToken))
                {
                    if (JsonTree.At(repository, "spec.type") == "oci" && JsonTree.At(repository, "spec.url") is { } url)
                    {
                        ociHelmRepositories[Key(repository)] = url;
                    }
                }

                foreach (var source in await ListAsync(FluxApiVersions.SourceGroup, sourceVersion, "ocirepositories", notes, cancellationToken))
                {
                    found.AddRange(FluxSourceTargets.OfOciRepository(cluster, source));
                }
            }
            else
            {
                notes.Add($"{FluxApiVersions.SourceGroup} not installed");
            }

            if (versions.Helm is { } helmVersion)
            {
                foreach (var release in await ListAsync(FluxApiVersions.HelmGroup, helmVersion, "helmreleases", notes, cancellationToken))
                {
                    var values = HelmReleaseValues.Merge(await ValuesFromAsync(release, notes, cancellationToken), JsonTree.Node(release, "spec.values"));
                    found.AddRange(HelmReleaseImages.Of(cluster, release, values, ociHelmRepositories));
                    if (kinds.HelmReleaseSecrets)
                    {
                        found.AddRange(await ReleaseSecretsAsync(release, cancellationToken));
                    }
                }
            }
            else
            {
                notes.Add($"{FluxApiVersions.HelmGroup} not installed");
            }
        }

        if (kinds.ImagePolicies)
        {
            if (versions.Image is { } imageVersion)
            {
                var repositories = (await ListAsync(FluxApiVersions.ImageGroup, imageVersion, "imagerepositories", notes, cancellationToken)).ToDictionary(Key);
                foreach (var policy in await ListAsync(FluxApiVersions.ImageGroup, imageVersion, "imagepolicies", notes, cancellationToken))
                {
                    found.AddRange(ImagePolicyTargets.Of(cluster, policy, repositories));
                }
            }
            else
            {
                notes.Add($"{FluxApiVersions.ImageGroup} not installed");
            }
        }

        return (found, notes);
    }

    private async Task<List<JsonNode>> ListAsync(string group, string version, string plural, List<string> notes, CancellationToken cancellationToken)
    {
        try
        {
            return await PagedList.AllAsync<JsonNode>(async (c, ct) =>
            {
                var list = JsonSerializer.SerializeToNode(await client.CustomObjects.ListClusterCustomObjectAsync<JsonElement>(group, version, plural, continueParameter: c, limit: PagedList.PageSize, cancellationToken: ct));
                IEnumerable<JsonNode> items = [.. (JsonTree.Node(list, "items") as JsonArray ?? []).OfType<JsonNode>()];
                return (items, JsonTree.At(list, "metadata.continue"));
            }, cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            // Discovery listed the group but the resource is not served: a CRD that is not installed.
            notes.Add($"{plural}.{group}/{version} not installed");
            return [];
        }
    }

    private async Task<List<ValuesReference>> ValuesFromAsync(JsonNode release, List<string> notes, CancellationToken cancellationToken)
    {
        var result = new List<ValuesReference>();
        var ns = JsonTree.At(release, "metadata.namespace") ?? "default";
        foreach (var entry in JsonTree.Node(release, "spec.valuesFrom") as JsonArray ?? [])
        {
            var kind = JsonTree.At(entry, "kind");
            var name = JsonTree.At(entry, "name") ?? "";
            var key = JsonTree.At(entry, "valuesKey") ?? "values.yaml";
            var targetPath = JsonTree.At(entry, "targetPath");
            string? text;
            try
            {
                text = kind == "Secret"
                    ? (await client.CoreV1.ReadNamespacedSecretAsync(name, ns, cancellationToken: cancellationToken)).Data?.TryGetValue(key, out var bytes) == true ? Encoding.UTF8.GetString(bytes) : null
                    : ConfigMapValue(await client.CoreV1.ReadNamespacedConfigMapAsync(name, ns, cancellationToken: cancellationToken), key);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
            {
                text = null;
            }

            if (text is null)
            {
                notes.Add($"{Provenance.Of(cluster, ns, "HelmRelease", JsonTree.At(release, "metadata.name") ?? "")}: valuesFrom {kind}/{name} key {key} not found");
                continue;
            }

            result.Add(targetPath is not null ? new ValuesReference(null, targetPath, text.Trim()) : new ValuesReference(YamlDocuments.Parse(text) is [var first, ..] ? first : null, null, null));
        }

        return result;
    }

    // Helm keeps each revision in `sh.helm.release.v1.<release>.v<N>` in the storage namespace; the
    // revisions are in status.history, so each Secret is read by name (no Secret list needed).
    private async Task<List<Protection.Protection>> ReleaseSecretsAsync(JsonNode release, CancellationToken cancellationToken)
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

            JsonNode decoded;
            try
            {
                decoded = HelmReleaseSecret.Decode(payload!);
            }
            catch (Exception e) when (e is FormatException or InvalidDataException or JsonException)
            {
                throw new KubernetesSourceException($"Secret {storage}/{secretName} is not a readable Helm release ({e.GetType().Name})");
            }

            found.AddRange(HelmReleaseSecret.Protect(cluster, storage, secretName, decoded));
        }

        return found;
    }

    private static string? ConfigMapValue(k8s.Models.V1ConfigMap map, string key) =>
        map.Data is { } data && data.TryGetValue(key, out var value) ? value : null;

    private static string Key(JsonNode o) => $"{JsonTree.At(o, "metadata.namespace")}/{JsonTree.At(o, "metadata.name")}";
}
