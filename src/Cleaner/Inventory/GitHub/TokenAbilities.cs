using System.Collections.Immutable;

namespace OciCleanup.Cleaner.Inventory.GitHub;

/// <summary>
/// What a GitHub token may do with packages, from the <c>X-OAuth-Scopes</c> header GitHub answers with
/// (docs/configuration.md, "ghcr.io (`kind: github`)"): a classic PAT lists its scopes — <c>read:packages</c> reads, <c>delete:packages</c> deletes,
/// <c>write:packages</c> restores (and reads). No header: a fine-grained PAT or, when <c>GET /user</c> is
/// refused (<paramref name="Installation"/>), <c>GITHUB_TOKEN</c> or a GitHub App, none of which can be
/// trusted to delete package versions. Pure.
/// </summary>
internal sealed record TokenAbilities(bool Classic, ImmutableArray<string> Scopes, bool Read, bool Delete, bool Restore, bool Installation = false)
{
    public static TokenAbilities Of(string? scopesHeader, bool installation = false)
    {
        if (scopesHeader is null)
        {
            return new(false, [], Read: true, Delete: false, Restore: false, installation);
        }

        var scopes = scopesHeader.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToImmutableArray();
        // write:packages includes read:packages; delete:packages alone grants no read.
        var read = scopes.Contains("read:packages") || scopes.Contains("write:packages");
        return new(true, scopes, read, Delete: read && scopes.Contains("delete:packages"), Restore: scopes.Contains("write:packages"));
    }

    /// <summary>Why this token cannot inventory an owner's packages; null when it can list them.</summary>
    public string? ListRefusal => Installation
        ? "an installation token (GITHUB_TOKEN or a GitHub App) cannot list packages: the packages would have to be named, and it cannot delete a version unless its repository has the Admin role on that package — use a classic PAT with read:packages and delete:packages"
        : null;

    /// <summary>One sentence for <c>config check</c> and the log: what the token is, can and cannot do.</summary>
    public string Describe()
    {
        if (Installation)
        {
            return "an installation token (GITHUB_TOKEN or a GitHub App): can read the packages its repository was granted; "
                + "cannot list packages (names must be given), delete versions (unless its repository has the Admin role on the package), restore versions";
        }

        var what = Classic
            ? $"a classic token with scopes [{string.Join(", ", Scopes)}]"
            : "a token without X-OAuth-Scopes (a fine-grained PAT, a GitHub App or GITHUB_TOKEN)";
        var can = new List<string>();
        var cannot = new List<string>();
        (Read ? can : cannot).Add(Read ? "read packages" : "read packages (needs read:packages)");
        (Delete ? can : cannot).Add(Delete ? "delete versions" : Classic ? "delete versions (needs delete:packages and read:packages)" : "delete versions (only a classic PAT with delete:packages can)");
        (Restore ? can : cannot).Add(Restore ? "restore versions" : Classic ? "restore versions (needs write:packages)" : "restore versions (only a classic PAT with write:packages can)");
        if (!Classic)
        {
            cannot.Add("list packages if it is GITHUB_TOKEN");
        }

        return $"{what}: can {(can.Count == 0 ? "nothing" : string.Join(", ", can))}; cannot {(cannot.Count == 0 ? "—" : string.Join(", ", cannot))}";
    }

    /// <summary>Why a delete run must not start with this token; null when it may delete.</summary>
    public string? DeleteRefusal(string registry) =>
        Delete ? null : $"registry {registry}: the GitHub token cannot delete package versions — {Describe()}";
}
