namespace OciCleanup.Pins.Protection;

/// <summary>A line of a file in a git repository: <c>SOURCE@SHORTCOMMIT:PATH:LINE</c>, e.g. <c>infra@3f2a9c1:apps/api.yaml:12</c>.</summary>
/// <param name="Source">The git source's configured name, e.g. <c>infra</c>.</param>
/// <param name="Commit">The full commit id the file was read at.</param>
/// <param name="Path">The file's path in the repository.</param>
/// <param name="Line">The line, from 1.</param>
/// <param name="AtHead">True when the commit is the branch's head, false for an earlier commit still in the window.</param>
public sealed record GitOrigin(string Source, string Commit, string Path, int Line, bool AtHead) : ReasonOrigin
{
    /// <summary>The commit as written: its first 7 characters.</summary>
    public string ShortCommit => Commit.Length > 7 ? Commit[..7] : Commit;

    /// <inheritdoc />
    public override string Place => $"{Source}@{ShortCommit}:{Path}:{Line}";

    /// <inheritdoc />
    protected override string Text => Place;
}
