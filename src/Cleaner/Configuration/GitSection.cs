using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace OciCleanup.Cleaner.Configuration;

/// <summary>
/// Reads the <c>git:</c> list. A URL that carries a password is refused (the token belongs in
/// <c>tokenFile</c>, where no log or process list shows it); names must be usable as a folder name.
/// </summary>
internal static partial class GitSection
{
    public const int MaxHistoryCommits = 100_000;

    public const int MaxHistoryDays = 3650;

    public static ImmutableArray<GitConfig> Read(YamlMapping root, Func<string, string> resolve)
    {
        var sources = root.Mappings("git").Select(g => ReadOne(g, resolve)).ToImmutableArray();
        if (sources.GroupBy(g => g.Name).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw root.Error(root.Node("git")!, "git", $"two git sources are named '{duplicate.Key}'");
        }

        return sources;
    }

    private static GitConfig ReadOne(YamlMapping g, Func<string, string> resolve)
    {
        var name = g.RequiredString("name");
        if (!SafeName().IsMatch(name))
        {
            throw g.Error(g.Node("name")!, g.Child("name"), "must be letters, digits, '.', '_' or '-' (it names a folder in stateDir)");
        }

        var url = g.RequiredString("url");
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "ssh" or "git")
        {
            if (uri.UserInfo.Contains(':', StringComparison.Ordinal))
            {
                throw g.Error(g.Node("url")!, g.Child("url"), "must not hold a password: put the token in tokenFile");
            }
        }
        else if (!url.Contains("://", StringComparison.Ordinal) && !ScpLike().IsMatch(url))
        {
            url = resolve(url);
        }

        var branch = g.String("branch") ?? "main";
        if (!SafeBranch().IsMatch(branch) || branch.Contains("..", StringComparison.Ordinal))
        {
            throw g.Error(g.Node("branch")!, g.Child("branch"), $"'{branch}' is not a branch name");
        }

        var history = g.Mapping("history");
        var config = new GitConfig(name, url, branch, [.. g.Strings("paths", [])])
        {
            HistoryCommits = history?.Node("commits") is null ? null : history.Int("commits", 0, 0, MaxHistoryCommits),
            HistoryDays = history?.Node("days") is null ? null : history.Int("days", 0, 0, MaxHistoryDays),
            TokenFile = g.String("tokenFile") is { } t ? resolve(t) : null,
            SshKeyFile = g.String("sshKeyFile") is { } k ? resolve(k) : null,
        };
        history?.RejectUnknownKeys();
        if (config is { TokenFile: not null, SshKeyFile: not null })
        {
            throw g.Error(g.Node("sshKeyFile")!, g.Child("sshKeyFile"), "give tokenFile (https) or sshKeyFile (ssh), not both");
        }

        g.RejectUnknownKeys();
        return config;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex SafeName();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9._/+-]{0,199}$")]
    private static partial Regex SafeBranch();

    // git@host:owner/repo.git, git's short form of an ssh URL.
    [GeneratedRegex(@"^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:")]
    private static partial Regex ScpLike();
}
