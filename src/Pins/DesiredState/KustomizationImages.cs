using System.Collections.Immutable;
using System.Text.Json.Nodes;
using OciCleanup.Pins.Kubernetes;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Pins.DesiredState;

/// <summary>
/// The images a Flux Kustomization (<c>kustomize.toolkit.fluxcd.io/v1</c>) sets with <c>spec.images</c>,
/// suspended or not (<c>spec.suspend</c> stops applying; resumed, it applies them). kustomize's image
/// transformer replaces the name with <c>newName</c> when set, and both tag and digest as soon as
/// <c>newTag</c> or <c>digest</c> is set (both set: <c>name:newTag@digest</c>). An entry with neither keeps the
/// tag written in the manifests, which oci-cleanup does not read: that is a warning, not a protection.
/// </summary>
public static class KustomizationImages
{
    /// <summary>The protections (reason <c>kustomization</c>) and warnings of one Kustomization.</summary>
    public static Extraction Of(string cluster, JsonNode kustomization)
    {
        var origin = Provenance.Origin(cluster, JsonTree.At(kustomization, "metadata.namespace"), "Kustomization", JsonTree.At(kustomization, "metadata.name") ?? "");
        var detail = origin.Detail;
        var suspended = JsonTree.At(kustomization, "spec.suspend") == "true";
        var protections = ImmutableArray.CreateBuilder<Protection.Protection>();
        var warnings = ImmutableArray.CreateBuilder<SourceWarning>();
        var images = JsonTree.Node(kustomization, "spec.images") as JsonArray ?? [];
        for (var i = 0; i < images.Count; i++)
        {
            var where = $"spec.images[{i}]";
            var name = JsonTree.At(images[i], "newName") is { Length: > 0 } newName ? newName : JsonTree.At(images[i], "name");
            var tag = JsonTree.At(images[i], "newTag");
            var digest = JsonTree.At(images[i], "digest");
            if (string.IsNullOrEmpty(name))
            {
                warnings.Add(new(WarningKind.DesiredState, $"{detail} ({where}): no name"));
                continue;
            }

            if (string.IsNullOrEmpty(tag) && string.IsNullOrEmpty(digest))
            {
                warnings.Add(new(WarningKind.DesiredState, $"{detail} ({where}): sets no newTag or digest for {name}: the tag comes from the manifests, which oci-cleanup does not read"));
                continue;
            }

            var text = name + (string.IsNullOrEmpty(tag) ? "" : ":" + tag) + (string.IsNullOrEmpty(digest) ? "" : "@" + digest);
            if (!ImageReference.TryParse(text, out var reference, out var error))
            {
                warnings.Add(new(WarningKind.DesiredState, $"{detail} ({where}): {error}"));
                continue;
            }

            protections.Add(new Protection.Protection(new ImageTarget(reference), new ProtectionReason(ReasonKind.Kustomization, origin with { At = where, Suspended = suspended })));
        }

        return new Extraction(protections.ToImmutable(), warnings.ToImmutable());
    }
}
