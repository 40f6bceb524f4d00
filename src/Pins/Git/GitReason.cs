using OciCleanup.Pins.Protection;

namespace OciCleanup.Pins.Git;

/// <summary>
/// The one place a Git source makes its reasons: kind <c>git</c>, origin <c>NAME@SHORT:PATH:LINE</c>, and
/// whether the commit is the branch's HEAD (what Flux applies next) or history (what a revert brings back).
/// </summary>
public static class GitReason
{
    /// <summary>The suffix of a reason read at the branch's HEAD.</summary>
    public const string AtHead = " (HEAD)";

    /// <summary>The suffix of a reason read in a past commit.</summary>
    public const string InHistory = " (history)";

    /// <summary>The reason for something <paramref name="path"/> names at <paramref name="line"/> in <paramref name="commit"/>.</summary>
    public static ProtectionReason Of(string source, string commit, string path, int line, bool atHead) =>
        new(ReasonKind.Git, $"{source}@{Abbreviate(commit)}:{path}:{line}{(atHead ? AtHead : InHistory)}");

    /// <summary>A commit id as people quote it: its first 7 characters.</summary>
    public static string Abbreviate(string commit) => commit.Length > 7 ? commit[..7] : commit;
}
