using System.Text.Json.Nodes;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Pins.Kubernetes;

/// <summary>
/// Artifacts Flux sources pull from an OCI registry: an OCIRepository's <c>spec.url</c> with its
/// <c>spec.ref</c> tag or digest, and the <c>&lt;tag&gt;@sha256:…</c> of <c>status.artifact.revision</c>.
/// </summary>
public static class FluxSourceTargets
{
    /// <summary>The protections of one OCIRepository.</summary>
    public static IEnumerable<Protection.Protection> OfOciRepository(string cluster, JsonNode source)
    {
        var url = JsonTree.At(source, "spec.url");
        if (url is null || !url.StartsWith("oci://", StringComparison.Ordinal))
        {
            yield break;
        }

        var image = url["oci://".Length..].TrimEnd('/');
        var origin = Provenance.Origin(cluster, JsonTree.At(source, "metadata.namespace"), "OCIRepository", JsonTree.At(source, "metadata.name") ?? "");
        var detail = origin.Detail;
        var found = new List<FoundImage>();
        if (JsonTree.At(source, "spec.ref.digest") is { Length: > 0 } digest)
        {
            found.Add(new FoundImage($"{image}@{digest}", "spec.ref.digest"));
        }
        else if (JsonTree.At(source, "spec.ref.tag") is { Length: > 0 } tag)
        {
            found.Add(new FoundImage($"{image}:{tag}", "spec.ref.tag"));
        }

        if (JsonTree.At(source, "status.artifact.revision") is { Length: > 0 } revision)
        {
            // "<tag>@sha256:…" or "sha256:…"
            found.Add(new FoundImage(revision.StartsWith("sha256:", StringComparison.Ordinal) ? $"{image}@{revision}" : $"{image}:{revision}", "status.artifact.revision"));
        }

        foreach (var p in FoundImage.Protect(found, ReasonKind.FluxSource, f => origin with { At = f.Where }))
        {
            yield return p;
        }

        // ref.semver: what source-controller would pull now (a suspended or never-reconciled source has no status).
        if (DesiredState.OciRepositoryTags.TryRead(source, out var tags, out var error) && ImageReference.TryParse(image, out var repository, out _))
        {
            yield return new Protection.Protection(new TagPolicyTarget(repository.Registry, repository.Repository, tags), new ProtectionReason(ReasonKind.FluxSource, origin with { At = "spec.ref.semver" }));
        }
        else if (error.Length > 0)
        {
            throw new KubernetesSourceException($"{detail}: spec.ref: {error}");
        }
    }
}
