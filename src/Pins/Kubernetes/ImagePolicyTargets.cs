using System.Text.Json.Nodes;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Pins.Kubernetes;

/// <summary>
/// What a Flux ImagePolicy tracks: the tag its policy would pick now from the tags its
/// ImageRepository's image has (the floating <c>staging</c> of seed 003; the newest CI build of a
/// <c>numerical</c> policy with <c>extract</c> — not every build the pattern admits), evaluated by the
/// cleaner against the inventory; and the tag and digest of <c>status.latestRef</c>,
/// <c>status.observedPreviousRef</c> and the older <c>status.latestImage</c>.
/// </summary>
public static class ImagePolicyTargets
{
    private static readonly string[] StatusRefs = ["status.latestRef", "status.observedPreviousRef"];

    /// <summary>
    /// An ImagePolicy whose <c>spec.imageRepositoryRef</c> names no ImageRepository the cluster has: Flux
    /// stalls it, and its pick protects nothing here (only its status refs do). Null when the repository exists.
    /// </summary>
    public static SourceWarning? MissingRepository(string cluster, JsonNode policy, IReadOnlyDictionary<string, JsonNode> imageRepositories)
    {
        var ns = JsonTree.At(policy, "metadata.namespace");
        var repoName = JsonTree.At(policy, "spec.imageRepositoryRef.name");
        var repoNs = JsonTree.At(policy, "spec.imageRepositoryRef.namespace") ?? ns;
        if (repoName is not null && imageRepositories.ContainsKey($"{repoNs}/{repoName}"))
        {
            return null;
        }

        var named = repoName is null ? "no ImageRepository" : $"ImageRepository {repoNs}/{repoName}, which does not exist";
        return new SourceWarning(
            WarningKind.ImageRepositoryMissing,
            $"{Provenance.Of(cluster, ns, "ImagePolicy", JsonTree.At(policy, "metadata.name") ?? "")} names {named}: Flux stalls the policy, and no tag it would pick is protected (only its status refs are)");
    }

    /// <summary>The protections of one ImagePolicy, given the ImageRepositories by <c>namespace/name</c>.</summary>
    public static IEnumerable<Protection.Protection> Of(string cluster, JsonNode policy, IReadOnlyDictionary<string, JsonNode> imageRepositories)
    {
        var ns = JsonTree.At(policy, "metadata.namespace");
        var name = JsonTree.At(policy, "metadata.name") ?? "";
        var reason = new ProtectionReason(ReasonKind.ImagePolicy, Provenance.Origin(cluster, ns, "ImagePolicy", name));

        var repoName = JsonTree.At(policy, "spec.imageRepositoryRef.name");
        var repoNs = JsonTree.At(policy, "spec.imageRepositoryRef.namespace") ?? ns;
        if (repoName is not null && imageRepositories.TryGetValue($"{repoNs}/{repoName}", out var repository)
            && (JsonTree.At(repository, "spec.image") ?? JsonTree.At(repository, "status.canonicalImageName")) is { } image
            && ImageReference.TryParse(image, out var parsed, out _))
        {
            // A policy we cannot read would leave what it picks unprotected: fail the source instead.
            if (!DesiredState.ImagePolicySpec.TryRead(policy, out var tags, out var error))
            {
                throw new KubernetesSourceException($"{reason.Detail}: {error}");
            }

            yield return new Protection.Protection(new TagPolicyTarget(parsed.Registry, parsed.Repository, tags), reason);
        }

        foreach (var p in FoundImage.Protect(StatusImages(policy, current: true), ReasonKind.ImagePolicy, _ => reason.Origin))
        {
            yield return p;
        }

        // The previous pick is a rollback target: kept while it exists, no warning once it is gone.
        foreach (var p in FoundImage.Protect(StatusImages(policy, current: false), ReasonKind.ImagePolicy, _ => reason.Origin))
        {
            yield return p with { IsHistory = true };
        }
    }

    private static IEnumerable<FoundImage> StatusImages(JsonNode policy, bool current) =>
        StatusRefs.Where(path => (path == StatusRefs[0]) == current)
            .Select(path => JsonTree.Node(policy, path))
            .OfType<JsonObject>()
            .Select(r => (string?)(JsonTree.At(r, "name") + (JsonTree.At(r, "tag") is { Length: > 0 } t ? ":" + t : "") + (JsonTree.At(r, "digest") is { Length: > 0 } d ? "@" + d : "")))
            .Concat(current ? [JsonTree.At(policy, "status.latestImage")] : [])
            .OfType<string>()
            .Where(s => s.Length > 0)
            .Select(s => new FoundImage(s, "status"));
}
