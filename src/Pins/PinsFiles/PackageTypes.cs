using System.Collections.Frozen;

namespace OciCleanup.Pins.PinsFiles;

/// <summary>The package types Gitea and Forgejo know; a pin of any other type is a typo.</summary>
public static class PackageTypes
{
    /// <summary>The type of container images (and other OCI artifacts) in every registry kind.</summary>
    public const string Container = "container";

    /// <summary>Every known type, lower case.</summary>
    public static readonly FrozenSet<string> Known = new[]
    {
        "alpine", "arch", "cargo", "chef", "composer", "conan", "conda", "container", "cran", "debian",
        "generic", "go", "helm", "maven", "npm", "nuget", "pub", "pypi", "rpm", "rubygems", "swift", "vagrant",
    }.ToFrozenSet(StringComparer.Ordinal);
}
