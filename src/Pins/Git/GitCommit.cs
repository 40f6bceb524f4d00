using System.Collections.Immutable;

namespace OciCleanup.Pins.Git;

/// <summary>A commit of the branch's first-parent history and the files it changed (added or modified).</summary>
/// <param name="Id">The full commit id.</param>
/// <param name="Time">The committer time.</param>
/// <param name="IsRoot">Whether git knows no parent (the first commit, or the edge of a shallow clone).</param>
/// <param name="Changed">Each file the commit added or modified, with the blob it holds after the commit.</param>
public sealed record GitCommit(string Id, DateTimeOffset Time, bool IsRoot, ImmutableArray<GitFile> Changed);

/// <summary>A file of a tree: its path and its blob.</summary>
public sealed record GitFile(string Path, string Blob);
