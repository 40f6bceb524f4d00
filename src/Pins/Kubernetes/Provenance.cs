namespace OciCleanup.Pins.Kubernetes;

/// <summary>Where a live reference was seen: <c>cluster/namespace/Kind/name[/container]</c>.</summary>
public static class Provenance
{
    /// <summary>Formats the detail of a live reference's reason.</summary>
    public static string Of(string cluster, string? @namespace, string kind, string name, string? container = null) =>
        $"{cluster}/{(string.IsNullOrEmpty(@namespace) ? "-" : @namespace)}/{kind}/{name}{(container is null ? "" : "/" + container)}";
}
