using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;

namespace OciCleanup.Pins.Kubernetes;

/// <summary>
/// Reads Flux objects: HelmReleases (active and suspended, with their valuesFrom and, when enabled,
/// the retained Helm release Secrets), OCI HelmRepositories and OCIRepositories, ImagePolicies and
/// ImageRepositories, and Kustomizations' <c>spec.images</c>. A Flux group the cluster does not serve is noted; a group it serves only in
/// versions this build cannot read fails the scan; an object that cannot be read fails it naming the object.
/// </summary>
public sealed class FluxScanner(IKubernetes client, string cluster, ReferenceKinds kinds, TimeSpan? listTimeout = null)
{
    private readonly CustomObjects _objects = new(client, cluster, listTimeout);

    /// <summary>Whether the scan reads any Flux group (and so needs discovery).</summary>
    public bool ReadsFlux => kinds.HelmReleases || kinds.ImagePolicies || kinds.Kustomizations;

    /// <summary>Which Flux groups and versions the cluster serves.</summary>
    public async Task<FluxApiVersions> DiscoverAsync(CancellationToken cancellationToken) =>
        FluxApiVersions.From(await client.Apis.GetAPIVersionsAsync(cancellationToken));

    /// <summary>The protections, notes such as "not installed", and warnings about what could not be resolved.</summary>
    public async Task<(List<Protection.Protection> Protections, List<string> Notes, List<Protection.SourceWarning> Warnings)> ScanAsync(FluxApiVersions versions, CancellationToken cancellationToken)
    {
        var found = new List<Protection.Protection>();
        var notes = new List<string>();
        var warnings = new List<Protection.SourceWarning>();
        List<FluxApiGroup> read =
        [
            .. kinds.HelmReleases ? [versions.Source, versions.Helm] : Array.Empty<FluxApiGroup>(),
            .. kinds.ImagePolicies ? [versions.Image] : Array.Empty<FluxApiGroup>(),
            .. kinds.Kustomizations ? [versions.Kustomize] : Array.Empty<FluxApiGroup>(),
        ];
        // Reading such a group as "not installed" would drop everything its objects protect.
        if (read.Select(g => g.Unreadable).OfType<string>().ToList() is [_, ..] unreadable)
        {
            throw new KubernetesSourceException(string.Join("; ", unreadable));
        }

        notes.AddRange(read.Where(g => !g.IsServed).Select(g => $"{g.Name} not installed"));
        if (kinds.HelmReleases)
        {
            var ociHelmRepositories = new Dictionary<string, string>();
            if (versions.Source.Version is { } source)
            {
                foreach (var repository in await _objects.ListAsync(FluxApiVersions.SourceGroup, source, "helmrepositories", "HelmRepository", notes, cancellationToken))
                {
                    if (JsonTree.At(repository, "spec.type") == "oci" && JsonTree.At(repository, "spec.url") is { } url)
                    {
                        ociHelmRepositories[Key(repository)] = url;
                    }
                }

                foreach (var repository in await _objects.ListAsync(FluxApiVersions.SourceGroup, source, "ocirepositories", "OCIRepository", notes, cancellationToken))
                {
                    found.AddRange(Named(repository, "OCIRepository", () => FluxSourceTargets.OfOciRepository(cluster, repository)));
                }
            }

            if (versions.Helm.Version is { } helm)
            {
                foreach (var release in await _objects.ListAsync(FluxApiVersions.HelmGroup, helm, "helmreleases", "HelmRelease", notes, cancellationToken))
                {
                    var (protections, releaseWarnings) = await HelmReleaseAsync(release, ociHelmRepositories, notes, cancellationToken);
                    found.AddRange(protections);
                    warnings.AddRange(releaseWarnings);
                }
            }
        }

        if (kinds.ImagePolicies && versions.Image.Version is { } image)
        {
            var repositories = (await _objects.ListAsync(FluxApiVersions.ImageGroup, image, "imagerepositories", "ImageRepository", notes, cancellationToken)).ToDictionary(Key);
            foreach (var policy in await _objects.ListAsync(FluxApiVersions.ImageGroup, image, "imagepolicies", "ImagePolicy", notes, cancellationToken))
            {
                found.AddRange(Named(policy, "ImagePolicy", () => ImagePolicyTargets.Of(cluster, policy, repositories)));
                if (ImagePolicyTargets.MissingRepository(cluster, policy, repositories) is { } missing)
                {
                    warnings.Add(missing);
                }
            }
        }

        if (kinds.Kustomizations && versions.Kustomize.Version is { } kustomize)
        {
            foreach (var kustomization in await _objects.ListAsync(FluxApiVersions.KustomizeGroup, kustomize, "kustomizations", "Kustomization", notes, cancellationToken))
            {
                var extraction = Named<DesiredState.Extraction>(kustomization, "Kustomization", () => [DesiredState.KustomizationImages.Of(cluster, kustomization)]).Single();
                found.AddRange(extraction.Protections);
                warnings.AddRange(extraction.Warnings);
            }
        }

        return (found, notes, warnings);
    }

    private async Task<(List<Protection.Protection> Protections, IEnumerable<Protection.SourceWarning> Warnings)> HelmReleaseAsync(JsonNode release, Dictionary<string, string> ociHelmRepositories, List<string> notes, CancellationToken cancellationToken)
    {
        var valuesFrom = await new ValuesFromReader(client, cluster).ReadAsync(release, notes, cancellationToken);
        var extraction = Named<DesiredState.Extraction>(release, "HelmRelease", () => [HelmReleaseImages.Extract(cluster, release, HelmReleaseValues.Merge(valuesFrom, JsonTree.Node(release, "spec.values")), ociHelmRepositories)]).Single();
        var found = extraction.Protections.ToList();
        if (kinds.HelmReleaseSecrets)
        {
            found.AddRange(await new ReleaseSecretReader(client, cluster).ReadAsync(release, cancellationToken));
        }

        return (found, extraction.Warnings);
    }

    // Whatever reading one object throws fails the source naming that object (a call that failed names itself).
    private List<T> Named<T>(JsonNode o, string kind, Func<IEnumerable<T>> protections)
    {
        try
        {
            return [.. protections()];
        }
        catch (Exception e) when (e is not (KubernetesSourceException or HttpOperationException or HttpRequestException or OperationCanceledException))
        {
            throw new KubernetesSourceException($"{Provenance.Of(cluster, JsonTree.At(o, "metadata.namespace"), kind, JsonTree.At(o, "metadata.name") ?? "?")}: {ErrorText.Of(e)}", e);
        }
    }

    private static string Key(JsonNode o) => $"{JsonTree.At(o, "metadata.namespace")}/{JsonTree.At(o, "metadata.name")}";
}
