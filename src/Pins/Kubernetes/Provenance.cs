using OciCleanup.Pins.Protection;

namespace OciCleanup.Pins.Kubernetes;

/// <summary>Where a live reference was seen: <c>cluster/namespace/Kind/name[/container]</c>.</summary>
public static class Provenance
{
    /// <summary>The origin of a live reference's reason.</summary>
    public static ClusterObjectOrigin Origin(string cluster, string? @namespace, string kind, string name, string? container = null) =>
        new(cluster, @namespace, kind, name, container);

    /// <summary>The object as messages and warnings name it (<see cref="ClusterObjectOrigin.Place"/>).</summary>
    public static string Of(string cluster, string? @namespace, string kind, string name, string? container = null) =>
        Origin(cluster, @namespace, kind, name, container).Place;
}
