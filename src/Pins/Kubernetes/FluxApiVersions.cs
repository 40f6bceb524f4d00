using k8s.Models;

namespace OciCleanup.Pins.Kubernetes;

/// <summary>
/// Which version of each Flux API group a cluster serves, from discovery. Current Flux serves only
/// <c>helm.toolkit.fluxcd.io/v2</c> and <c>image.toolkit.fluxcd.io/v1</c>; older clusters the betas.
/// </summary>
public sealed record FluxApiVersions(string? Helm, string? Image, string? Source)
{
    /// <summary>The helm-controller group.</summary>
    public const string HelmGroup = "helm.toolkit.fluxcd.io";

    /// <summary>The image-reflector group.</summary>
    public const string ImageGroup = "image.toolkit.fluxcd.io";

    /// <summary>The source-controller group.</summary>
    public const string SourceGroup = "source.toolkit.fluxcd.io";

    private static readonly string[] HelmPreference = ["v2", "v2beta2", "v2beta1"];
    private static readonly string[] ImagePreference = ["v1", "v1beta2"];
    private static readonly string[] SourcePreference = ["v1", "v1beta2"];

    /// <summary>Picks the best served version of each group; null where a group is not installed.</summary>
    public static FluxApiVersions From(V1APIGroupList groups)
    {
        string? Pick(string group, string[] preference)
        {
            var served = groups.Groups?.FirstOrDefault(g => g.Name == group)?.Versions?.Select(v => v.Version).ToHashSet();
            return served is null ? null : preference.FirstOrDefault(served.Contains);
        }

        return new FluxApiVersions(Pick(HelmGroup, HelmPreference), Pick(ImageGroup, ImagePreference), Pick(SourceGroup, SourcePreference));
    }
}
