using System.Collections.Immutable;

namespace OciCleanup.Pins.Git;

/// <summary>Which files of the tree a source reads: YAML files under the configured folders (all when none are).</summary>
public sealed class GitPaths(ImmutableArray<string> folders)
{
    private readonly string[] _folders = [.. folders.Select(f => f.Trim('/')).Where(f => f.Length > 0 && f != ".")];

    /// <summary>Whether <paramref name="path"/> (relative to the repository's root) is read.</summary>
    public bool Reads(string path) =>
        YamlFileScan.IsYaml(path)
        && (_folders.Length == 0 || _folders.Any(f => path == f || path.StartsWith(f + "/", StringComparison.Ordinal)));
}
