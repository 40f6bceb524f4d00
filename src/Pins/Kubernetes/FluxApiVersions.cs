using System.Collections.Immutable;
using k8s.Models;

namespace OciCleanup.Pins.Kubernetes;

/// <summary>
/// The Flux API groups a cluster serves, from discovery. Current Flux serves only
/// <c>helm.toolkit.fluxcd.io/v2</c>, <c>image.toolkit.fluxcd.io/v1</c>, <c>source.toolkit.fluxcd.io/v1</c>
/// and <c>kustomize.toolkit.fluxcd.io/v1</c>; older clusters the betas listed here.
/// </summary>
public sealed record FluxApiVersions(FluxApiGroup Helm, FluxApiGroup Image, FluxApiGroup Source, FluxApiGroup Kustomize)
{
    /// <summary>The helm-controller group.</summary>
    public const string HelmGroup = "helm.toolkit.fluxcd.io";

    /// <summary>The image-reflector group.</summary>
    public const string ImageGroup = "image.toolkit.fluxcd.io";

    /// <summary>The source-controller group.</summary>
    public const string SourceGroup = "source.toolkit.fluxcd.io";

    /// <summary>The kustomize-controller group.</summary>
    public const string KustomizeGroup = "kustomize.toolkit.fluxcd.io";

    private static readonly ImmutableArray<string> HelmKnown = ["v2", "v2beta2", "v2beta1"];
    private static readonly ImmutableArray<string> ImageKnown = ["v1", "v1beta2"];
    private static readonly ImmutableArray<string> SourceKnown = ["v1", "v1beta2"];
    private static readonly ImmutableArray<string> KustomizeKnown = ["v1", "v1beta2"];

    /// <summary>The four groups, in the order notes and errors name them.</summary>
    public IEnumerable<FluxApiGroup> All => [Source, Helm, Image, Kustomize];

    /// <summary>The names of the groups discovery serves in any version, readable or not.</summary>
    public ImmutableArray<string> ServedGroups => [.. All.Where(g => g.IsServed).Select(g => g.Name)];

    /// <summary>Reads each group's served versions from the discovery answer.</summary>
    public static FluxApiVersions From(V1APIGroupList groups)
    {
        FluxApiGroup Group(string name, ImmutableArray<string> known)
        {
            var served = groups.Groups?.FirstOrDefault(g => g.Name == name)?.Versions?.Select(v => v.Version).Where(v => !string.IsNullOrEmpty(v)).Distinct();
            return new FluxApiGroup(name, [.. served ?? []], known);
        }

        return new FluxApiVersions(Group(HelmGroup, HelmKnown), Group(ImageGroup, ImageKnown), Group(SourceGroup, SourceKnown), Group(KustomizeGroup, KustomizeKnown));
    }
}
