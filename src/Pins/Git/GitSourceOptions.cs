using System.Collections.Immutable;

namespace OciCleanup.Pins.Git;

/// <summary>One configured <c>git</c> reference source (docs/references.md, "Git sources").</summary>
/// <param name="Name">The source's name: <c>git:NAME</c> in the report, and the origin's first part.</param>
/// <param name="Url">https or ssh URL, or a local path; never holds a credential (the configuration refuses one).</param>
/// <param name="Branch">The branch Flux (or a person) applies.</param>
/// <param name="Paths">Folders to read (prefixes, <c>/</c>-separated); empty reads the whole tree.</param>
/// <param name="Mirror">The bare repository this source fetches into (<c>stateDir/git/NAME</c>).</param>
public sealed record GitSourceOptions(string Name, string Url, string Branch, ImmutableArray<string> Paths, string Mirror)
{
    /// <summary>How many past commits of the branch (first parents) to read besides HEAD; null: none asked.</summary>
    public int? HistoryCommits { get; init; }

    /// <summary>How many days of the branch's past commits to read besides HEAD; null: none asked.</summary>
    public int? HistoryDays { get; init; }

    /// <summary>A file holding an https token (the password git sends); never passed on a command line.</summary>
    public string? TokenFile { get; init; }

    /// <summary>A private key for ssh URLs (a read-only deploy key).</summary>
    public string? SshKeyFile { get; init; }

    /// <summary>The git program to run (a path, or a name looked up on PATH).</summary>
    public string Git { get; init; } = "git";

    /// <summary>How long one fetch may take before it is killed and the source fails.</summary>
    public TimeSpan FetchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one local read (log, tree, blobs) may take.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromMinutes(5);
}
