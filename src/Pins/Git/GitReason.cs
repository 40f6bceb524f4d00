using OciCleanup.Pins.Protection;

namespace OciCleanup.Pins.Git;

/// <summary>
/// The one place a Git source makes its reasons: kind <c>git</c>, a <see cref="GitOrigin"/>
/// (<c>NAME@SHORT:PATH:LINE</c>) that says whether the commit is the branch's HEAD (what Flux applies next)
/// or history (what a revert brings back).
/// </summary>
public static class GitReason
{
    /// <summary>The reason for something <paramref name="path"/> names at <paramref name="line"/> in <paramref name="commit"/>.</summary>
    public static ProtectionReason Of(string source, string commit, string path, int line, bool atHead) =>
        new(ReasonKind.Git, new GitOrigin(source, commit, path, line, atHead));

    /// <summary>A commit id as people quote it: its first 7 characters.</summary>
    public static string Abbreviate(string commit) => commit.Length > 7 ? commit[..7] : commit;
}
