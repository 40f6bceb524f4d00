using System.Collections.Immutable;
using System.Text.Json.Nodes;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Pins.Git;

/// <summary>What one YAML file in Git names.</summary>
/// <param name="Findings">What to protect, each at its line.</param>
/// <param name="Warnings">What could not be resolved (tag-only values, a file that does not parse).</param>
/// <param name="Policies">Flux ImagePolicy objects of the file, by <c>namespace/name</c>.</param>
/// <param name="Repositories">Flux ImageRepository objects of the file, by <c>namespace/name</c>.</param>
public sealed record YamlFileScan(
    ImmutableArray<GitFinding> Findings,
    ImmutableArray<SourceWarning> Warnings,
    ImmutableDictionary<string, JsonNode> Policies,
    ImmutableDictionary<string, JsonNode> Repositories)
{
    /// <summary>Whether <paramref name="path"/> names a YAML file; any other file is not read.</summary>
    public static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
