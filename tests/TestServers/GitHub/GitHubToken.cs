using System.Collections.Immutable;

namespace OciCleanup.TestServers.GitHub;

/// <summary>
/// A credential the test server accepts: its value, the user it acts as, its kind and (classic PATs) scopes.
/// <paramref name="AdminPackages"/>: for <see cref="GitHubTokenKind.Actions"/>, the packages ("owner/name")
/// whose repository has the Admin role, the only ones such a token may delete.
/// </summary>
public sealed record GitHubToken(string Value, string Login, GitHubTokenKind Kind, ImmutableArray<string> Scopes, ImmutableArray<string> AdminPackages)
{
    public static GitHubToken Classic(string value, string login, params string[] scopes) =>
        new(value, login, GitHubTokenKind.Classic, [.. scopes], []);

    public static GitHubToken FineGrained(string value, string login) =>
        new(value, login, GitHubTokenKind.FineGrained, [], []);

    public static GitHubToken Actions(string value, string login, params string[] adminPackages) =>
        new(value, login, GitHubTokenKind.Actions, [], [.. adminPackages]);

    // Classic scopes: write:packages includes reading; delete:packages does not (GitHub asks for read + delete).
    public bool CanRead => Kind != GitHubTokenKind.Classic || Scopes.Contains("read:packages") || Scopes.Contains("write:packages");

    public bool CanList => Kind != GitHubTokenKind.Actions && CanRead;

    public bool CanDelete(string owner, string package) => Kind switch
    {
        GitHubTokenKind.Classic => CanRead && Scopes.Contains("delete:packages"),
        GitHubTokenKind.Actions => AdminPackages.Contains($"{owner}/{package}", StringComparer.OrdinalIgnoreCase),
        _ => false,
    };

    public bool CanRestore => Kind == GitHubTokenKind.Classic && Scopes.Contains("write:packages");
}
