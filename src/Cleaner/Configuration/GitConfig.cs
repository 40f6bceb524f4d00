using System.Collections.Immutable;

namespace OciCleanup.Cleaner.Configuration;

/// <summary>One <c>git:</c> entry (docs/references.md, "Git sources"): a GitOps repository read as a reference source.</summary>
/// <param name="Name">Names the source (<c>git:NAME</c>) and its mirror in <c>stateDir/git/NAME</c>.</param>
/// <param name="Url">https or ssh URL, or a local path (resolved against the configuration's folder).</param>
/// <param name="Branch">The branch Flux applies.</param>
/// <param name="Paths">Folders to read; empty: the whole tree.</param>
internal sealed record GitConfig(string Name, string Url, string Branch, ImmutableArray<string> Paths)
{
    /// <summary><c>history.commits</c>: past commits read besides HEAD.</summary>
    public int? HistoryCommits { get; init; }

    /// <summary><c>history.days</c>: past days of commits read besides HEAD.</summary>
    public int? HistoryDays { get; init; }

    /// <summary><c>tokenFile</c>: the https token (a read-only one).</summary>
    public string? TokenFile { get; init; }

    /// <summary><c>sshKeyFile</c>: the private key for an ssh URL (a read-only deploy key).</summary>
    public string? SshKeyFile { get; init; }
}
