using System.Collections.Immutable;
using System.Text.Json.Nodes;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Pins.Kubernetes;

/// <summary>
/// What a Flux HelmRelease will run, whether or not it is suspended (<c>spec.suspend</c> stops
/// reconciling and removes nothing): images in its merged values, <c>postRenderers[].kustomize.images</c>,
/// and its chart when that comes from an OCI HelmRepository. Suspended releases get reason
/// <c>helmrelease-suspended</c>.
/// </summary>
public static class HelmReleaseImages
{
    /// <summary>The protections of one HelmRelease.</summary>
    /// <param name="cluster">The cluster's name, for provenance.</param>
    /// <param name="release">The HelmRelease object.</param>
    /// <param name="values">Its merged values (<see cref="HelmReleaseValues.Merge"/>).</param>
    /// <param name="ociHelmRepositories">OCI HelmRepository URLs by <c>namespace/name</c>.</param>
    public static IEnumerable<Protection.Protection> Of(string cluster, JsonNode release, JsonObject values, IReadOnlyDictionary<string, string> ociHelmRepositories) =>
        Extract(cluster, release, values, ociHelmRepositories).Protections;

    /// <summary>
    /// The protections of one HelmRelease and what could not be resolved: values that give only a tag
    /// (the repository is in the chart's defaults) protect that tag in every package that has it, and
    /// only a digest (and maybe a tag) every version with that digest, and that tag, in every package; an
    /// empty tag before the first install, which the chart's <c>appVersion</c> will decide, is a warning.
    /// </summary>
    public static DesiredState.Extraction Extract(string cluster, JsonNode release, JsonObject values, IReadOnlyDictionary<string, string> ociHelmRepositories)
    {
        var ns = JsonTree.At(release, "metadata.namespace");
        var name = JsonTree.At(release, "metadata.name") ?? "";
        var kind = JsonTree.At(release, "spec.suspend") == "true" ? ReasonKind.HelmReleaseSuspended : ReasonKind.HelmRelease;
        var origin = Provenance.Origin(cluster, ns, "HelmRelease", name);
        var detail = origin.Detail;
        var history = JsonTree.Node(release, "status.history") as JsonArray;
        var appVersion = history?.FirstOrDefault() is { } latest ? JsonTree.At(latest, "appVersion") : null;
        var protections = ImmutableArray.CreateBuilder<Protection.Protection>();
        var warnings = ImmutableArray.CreateBuilder<SourceWarning>();

        var images = HelmValuesImages.Of(values, appVersion).Concat(PostRendererImages(release));
        protections.AddRange(FoundImage.Protect(images, kind, f => origin with { At = f.Where }));
        foreach (var (path, tag, digest) in HelmValuesImages.Partial(values, appVersion))
        {
            if (digest is { } only)
            {
                // The matcher reports where the digest was found (warning digest-only-values).
                protections.Add(new Protection.Protection(new AnyPackageDigestTarget(only), new ProtectionReason(kind, origin with { At = path, Only = ImagePart.Digest })));
                if (tag is not null)
                {
                    protections.Add(new Protection.Protection(new AnyPackageTagTarget(tag), new ProtectionReason(kind, origin with { At = path, Only = ImagePart.Tag })));
                }

                continue;
            }

            if (tag is null)
            {
                warnings.Add(new(WarningKind.DesiredState, $"{detail} ({path}): the tag is empty and the release was never installed: the chart's appVersion will decide, which oci-cleanup cannot see"));
                continue;
            }

            protections.Add(new Protection.Protection(new AnyPackageTagTarget(tag), new ProtectionReason(kind, origin with { At = path, Only = ImagePart.Tag })));
            warnings.Add(new(WarningKind.TagOnlyValues, $"{detail} ({path}): the values give only tag {tag} (the repository comes from the chart's defaults): it is protected in every package that has it"));
        }

        foreach (var (chart, policy, past) in ChartReferences(release, ns, history, ociHelmRepositories))
        {
            if (policy is not null && ImageReference.TryParse(chart, out var repository, out _))
            {
                // A version range: what source-controller would pull now from the chart's tags.
                protections.Add(new Protection.Protection(new TagPolicyTarget(repository.Registry, repository.Repository, policy), new ProtectionReason(kind, origin with { At = "chart" })));
            }
            else
            {
                protections.AddRange(FoundImage.Protect([new FoundImage(chart, "chart")], kind, _ => origin with { At = "chart" }).Select(p => p with { IsHistory = past }));
            }
        }

        return new DesiredState.Extraction(protections.ToImmutable(), warnings.ToImmutable());
    }

    private static IEnumerable<FoundImage> PostRendererImages(JsonNode release)
    {
        foreach (var renderer in JsonTree.Node(release, "spec.postRenderers") as JsonArray ?? [])
        {
            foreach (var image in JsonTree.Node(renderer, "kustomize.images") as JsonArray ?? [])
            {
                var name = JsonTree.At(image, "newName") ?? JsonTree.At(image, "name");
                if (string.IsNullOrEmpty(name))
                {
                    continue;
                }

                var tag = JsonTree.At(image, "newTag");
                var digest = JsonTree.At(image, "digest");
                yield return new FoundImage(name + (string.IsNullOrEmpty(tag) ? "" : ":" + tag) + (string.IsNullOrEmpty(digest) ? "" : "@" + digest), "postRenderers.kustomize.images");
            }
        }
    }

    // Charts in an OCI registry are packages too: `<url>/<chart>:<version>` with `+` written as `_`;
    // a version that is a range (or empty) is `<url>/<chart>` with the policy that resolves it.
    // History entries after the first (the deployed one) are past revisions: rollback targets.
    private static IEnumerable<(string Chart, DesiredState.HelmChartTags? Range, bool Past)> ChartReferences(JsonNode release, string? ns, JsonArray? history, IReadOnlyDictionary<string, string> ociHelmRepositories)
    {
        var sourceKind = JsonTree.At(release, "spec.chart.spec.sourceRef.kind");
        var sourceName = JsonTree.At(release, "spec.chart.spec.sourceRef.name");
        var sourceNs = JsonTree.At(release, "spec.chart.spec.sourceRef.namespace") ?? ns;
        if (sourceKind != "HelmRepository" || sourceName is null || !ociHelmRepositories.TryGetValue($"{sourceNs}/{sourceName}", out var url))
        {
            yield break;
        }

        var baseUrl = url["oci://".Length..].TrimEnd('/');
        var chart = JsonTree.At(release, "spec.chart.spec.chart");
        var version = JsonTree.At(release, "spec.chart.spec.version");
        if (chart is not null)
        {
            yield return DesiredState.FluxVersion.TryParse(version ?? "", out _)
                ? ($"{baseUrl}/{chart}:{version!.Replace('+', '_')}", null, false)
                : ($"{baseUrl}/{chart}", new DesiredState.HelmChartTags(version ?? ""), false);
        }

        var past = false;
        foreach (var entry in history ?? [])
        {
            var name = JsonTree.At(entry, "chartName") ?? chart;
            if (name is null)
            {
                continue;
            }

            if (JsonTree.At(entry, "chartVersion") is { Length: > 0 } chartVersion)
            {
                yield return ($"{baseUrl}/{name}:{chartVersion.Replace('+', '_')}", null, past);
            }

            if (JsonTree.At(entry, "ociDigest") is { Length: > 0 } digest)
            {
                yield return ($"{baseUrl}/{name}@{digest}", null, past);
            }

            past = true;
        }
    }
}
