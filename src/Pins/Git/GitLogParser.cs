using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace OciCleanup.Pins.Git;

/// <summary>
/// Parses <c>git log -z --raw --no-abbrev --format=%x01%H %ct %P</c>: each commit's header after a
/// <c>\x01</c>, then raw entries <c>:MODE MODE OLD NEW STATUS\0PATH\0</c>. Deleted files and
/// non-files (links, submodules) are left out.
/// </summary>
public static class GitLogParser
{
    /// <summary>The commits of <paramref name="output"/>, newest first.</summary>
    public static ImmutableArray<GitCommit> Parse(byte[] output)
    {
        var tokens = Encoding.UTF8.GetString(output).Split('\0');
        var commits = ImmutableArray.CreateBuilder<GitCommit>();
        string? id = null;
        var time = DateTimeOffset.MinValue;
        var root = false;
        var changed = ImmutableArray.CreateBuilder<GitFile>();
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i].TrimStart('\n');
            if (token.StartsWith('\x01'))
            {
                Flush();
                var header = token[1..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                id = header[0];
                time = DateTimeOffset.FromUnixTimeSeconds(long.Parse(header[1], CultureInfo.InvariantCulture));
                root = header.Length < 3;
            }
            else if (token.StartsWith(':') && i + 1 < tokens.Length)
            {
                // :100644 100644 OLD NEW M — the path is the next token.
                var meta = token[1..].Split(' ');
                var path = tokens[++i];
                if (meta.Length == 5 && meta[4] != "D" && meta[1] is "100644" or "100755")
                {
                    changed.Add(new GitFile(path, meta[3]));
                }
            }
        }

        Flush();
        return commits.ToImmutable();

        void Flush()
        {
            if (id is not null)
            {
                commits.Add(new GitCommit(id, time, root, changed.ToImmutable()));
                changed.Clear();
            }
        }
    }
}
