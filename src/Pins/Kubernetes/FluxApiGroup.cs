using System.Collections.Immutable;

namespace OciCleanup.Pins.Kubernetes;

/// <summary>
/// One Flux API group as a cluster's discovery serves it, and the version of it this build reads.
/// A group that is served only in versions this build does not know cannot be read: reading it
/// as "not installed" would drop everything its objects protect, so it is a failure instead.
/// </summary>
/// <param name="Name">The group, e.g. <c>helm.toolkit.fluxcd.io</c>.</param>
/// <param name="Served">Every version discovery lists for the group; empty when the group is not installed.</param>
/// <param name="Known">The versions this build reads, best first.</param>
public sealed record FluxApiGroup(string Name, ImmutableArray<string> Served, ImmutableArray<string> Known)
{
    /// <summary>Whether discovery lists the group in any version.</summary>
    public bool IsServed => !Served.IsEmpty;

    /// <summary>The best known version the cluster serves; null when none is (not installed, or only unknown versions).</summary>
    public string? Version => Known.FirstOrDefault(Served.Contains);

    /// <summary>Why the group cannot be read although it is served; null when it can be read or is not installed.</summary>
    public string? Unreadable => IsServed && Version is null
        ? $"{Name} is served only in {string.Join(", ", Served)}, which this build cannot read (it reads {string.Join(", ", Known)})"
        : null;
}
