using OciCleanup.Cleaner.Configuration;
using OciCleanup.Pins.Git;

namespace OciCleanup.Cleaner.Commands;

/// <summary>One reference source per <c>git:</c> entry, mirrored into <c>stateDir/git/NAME</c>.</summary>
internal static class GitSources
{
    public static IEnumerable<NamedSource> Create(CleanerConfig config, TimeProvider clock) =>
        config.Git.Select(g => new NamedSource($"git:{g.Name}", new GitReferenceSource(Options(g, config.Safety.StateDir), clock)));

    public static GitSourceOptions Options(GitConfig git, string stateDir) =>
        new(git.Name, git.Url, git.Branch, git.Paths, Path.Combine(stateDir, "git", git.Name))
        {
            HistoryCommits = git.HistoryCommits,
            HistoryDays = git.HistoryDays,
            TokenFile = git.TokenFile,
            SshKeyFile = git.SshKeyFile,
        };
}
