using System.Collections.Immutable;
using OciCleanup.Pins;

namespace OciCleanup.Cleaner.Inventory.GitHub;

/// <summary>
/// Pure: GitHub's versions as this program's. A version with N tags is N tagged versions sharing its
/// digest and id (one DELETE removes them all, so the planner's delete-by-digest rule applies); an
/// untagged one is one version named by its digest, like a Gitea push by digest.
/// </summary>
internal static class GitHubVersions
{
    /// <remarks>Owner and name in lower case, as image references on ghcr.io spell them, whatever case the config uses.</remarks>
    public static IEnumerable<PackageVersion> Of(string registry, string owner, string package, GitHubVersion version)
    {
        (owner, package) = (owner.ToLowerInvariant(), package.ToLowerInvariant());
        var digest = version.Digest.ToString();
        if (version.Tags.IsEmpty)
        {
            yield return new PackageVersion(registry, owner, "container", package, digest, version.Digest, version.CreatedAt, version.Id);
            yield break;
        }

        foreach (var tag in version.Tags)
        {
            yield return new PackageVersion(registry, owner, "container", package, tag, version.Digest, version.CreatedAt, version.Id);
        }
    }

    /// <summary>Whether the version read again is still the one planned: same digest, the same tags as listed.</summary>
    public static bool Unchanged(GitHubVersion listed, GitHubVersion now) =>
        listed.Digest == now.Digest && listed.Tags.Order(StringComparer.Ordinal).SequenceEqual(now.Tags.Order(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>Whether a package name matches the include globs (none: all) and no exclude glob.</summary>
    public static Func<string, bool> Filter(ImmutableArray<string> include, ImmutableArray<string> exclude)
    {
        var ins = include.Select(p => new Glob(p)).ToList();
        var outs = exclude.Select(p => new Glob(p)).ToList();
        return name => (ins.Count == 0 || ins.Exists(g => g.IsMatch(name))) && !outs.Exists(g => g.IsMatch(name));
    }
}
