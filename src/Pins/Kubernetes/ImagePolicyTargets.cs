using System.Text.Json.Nodes;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Pins.Kubernetes;

/// <summary>
/// What a Flux ImagePolicy tracks: every tag of its ImageRepository's image that
/// <c>filterTags.pattern</c> matches (the floating <c>staging</c> of seed 003), and the tag and
/// digest of <c>status.latestRef</c>, <c>status.observedPreviousRef</c> and the older <c>status.latestImage</c>.
/// </summary>
public static class ImagePolicyTargets
{
    private static readonly string[] StatusRefs = ["status.latestRef", "status.observedPreviousRef"];

    /// <summary>The protections of one ImagePolicy, given the ImageRepositories by <c>namespace/name</c>.</summary>
    public static IEnumerable<Protection.Protection> Of(string cluster, JsonNode policy, IReadOnlyDictionary<string, JsonNode> imageRepositories)
    {
        var ns = JsonTree.At(policy, "metadata.namespace");
        var name = JsonTree.At(policy, "metadata.name") ?? "";
        var reason = new ProtectionReason(ReasonKind.ImagePolicy, Provenance.Of(cluster, ns, "ImagePolicy", name));

        var repoName = JsonTree.At(policy, "spec.imageRepositoryRef.name");
        var repoNs = JsonTree.At(policy, "spec.imageRepositoryRef.namespace") ?? ns;
        var pattern = JsonTree.At(policy, "spec.filterTags.pattern");
        if (repoName is not null && imageRepositories.TryGetValue($"{repoNs}/{repoName}", out var repository)
            && (JsonTree.At(repository, "spec.image") ?? JsonTree.At(repository, "status.canonicalImageName")) is { } image
            && !string.IsNullOrEmpty(pattern)
            && ImageReference.TryParse(image, out var parsed, out _))
        {
            // A pattern we cannot read would leave its floating tags unprotected: fail the source instead.
            if (!GoRegex.TryCompile(pattern, out var regex, out var error))
            {
                throw new KubernetesSourceException($"{reason.Detail}: filterTags.pattern '{pattern}' {error}");
            }

            yield return new Protection.Protection(new TagPatternTarget(parsed.Registry, parsed.Repository, regex), reason);
        }

        var refs = StatusRefs
            .Select(path => JsonTree.Node(policy, path))
            .OfType<JsonObject>()
            .Select(r => JsonTree.At(r, "name") + (JsonTree.At(r, "tag") is { Length: > 0 } t ? ":" + t : "") + (JsonTree.At(r, "digest") is { Length: > 0 } d ? "@" + d : ""))
            .Append(JsonTree.At(policy, "status.latestImage"))
            .OfType<string>()
            .Where(s => s.Length > 0)
            .Select(s => new FoundImage(s, "status"));
        foreach (var p in FoundImage.Protect(refs, ReasonKind.ImagePolicy, _ => reason.Detail))
        {
            yield return p;
        }
    }
}
