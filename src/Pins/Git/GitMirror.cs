using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace OciCleanup.Pins.Git;

/// <summary>
/// The source's bare repository in <c>stateDir/git/NAME</c>: fetched from the URL given on each fetch
/// (no remote is configured, so neither URL nor credential is ever written to its config), only the
/// configured branch, without tags, never pushed; a later fetch transfers only what is new.
/// </summary>
public sealed class GitMirror(GitSourceOptions options, IReadOnlyDictionary<string, string> environment)
{
    private readonly GitProcess _git = new(options.Git, environment, options.Mirror);

    /// <summary>How many git processes this mirror started (the benchmark reports it).</summary>
    public int Spawned => _git.Spawned + _init.Spawned;

    private readonly GitProcess _init = new(options.Git, environment);

    private string Ref => "refs/heads/" + options.Branch;

    /// <summary>Fetches the branch; throws <see cref="GitException"/> when the repository or the branch cannot be read.</summary>
    public async Task FetchAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(options.Mirror, "HEAD")))
        {
            Directory.CreateDirectory(options.Mirror);
            await _init.RunAsync(["init", "--bare", "--quiet", options.Mirror], options.ReadTimeout, cancellationToken);
        }

        await _git.RunAsync(
            ["fetch", "--quiet", "--no-tags", "--no-write-fetch-head", "--no-recurse-submodules", "--end-of-options", options.Url, $"+{Ref}:{Ref}"],
            options.FetchTimeout,
            cancellationToken);
    }

    /// <summary>The branch's HEAD commit id.</summary>
    public async Task<string> HeadAsync(CancellationToken cancellationToken) =>
        Encoding.ASCII.GetString(await _git.RunAsync(["rev-parse", "--verify", "--end-of-options", Ref + "^{commit}"], options.ReadTimeout, cancellationToken)).Trim();

    /// <summary>Every file of <paramref name="commit"/>'s tree (regular files only).</summary>
    public async Task<ImmutableArray<GitFile>> TreeAsync(string commit, CancellationToken cancellationToken)
    {
        var output = Encoding.UTF8.GetString(await _git.RunAsync(["ls-tree", "-r", "-z", "--full-tree", commit], options.ReadTimeout, cancellationToken));
        var files = ImmutableArray.CreateBuilder<GitFile>();
        foreach (var entry in output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            // MODE TYPE ID\tPATH
            var tab = entry.IndexOf('\t', StringComparison.Ordinal);
            var meta = entry[..tab].Split(' ');
            if (meta[1] == "blob" && meta[0] is "100644" or "100755")
            {
                files.Add(new GitFile(entry[(tab + 1)..], meta[2]));
            }
        }

        return files.ToImmutable();
    }

    /// <summary>
    /// HEAD and the branch's first-parent history: the last <c>history.commits</c> commits before HEAD and
    /// those younger than <c>history.days</c> (both asked: whichever reaches further back). Each merge
    /// counts once, with what it changed against the branch it was merged into.
    /// </summary>
    public async Task<ImmutableArray<GitCommit>> LogAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        string[] log = ["log", "--first-parent", "--diff-merges=first-parent", "--raw", "--no-abbrev", "--no-renames", "-z", "--format=%x01%H %ct %P"];
        var commits = options.HistoryCommits ?? 0;
        if (options.HistoryDays is { } days)
        {
            var since = now.AddDays(-days).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var recent = GitLogParser.Parse(await _git.RunAsync([.. log, "--since=@" + since, "--end-of-options", Ref], options.ReadTimeout, cancellationToken));
            if (recent.Length > commits)
            {
                return recent;
            }
        }

        return GitLogParser.Parse(await _git.RunAsync([.. log, $"--max-count={commits + 1}", "--end-of-options", Ref], options.ReadTimeout, cancellationToken));
    }

    /// <summary>The texts of <paramref name="blobs"/> (null: larger than <see cref="BlobReader.MaxBytes"/>).</summary>
    public Task<Dictionary<string, string?>> ReadAsync(IReadOnlyCollection<string> blobs, CancellationToken cancellationToken) =>
        BlobReader.ReadAsync(_git, blobs, options.ReadTimeout, cancellationToken);
}
