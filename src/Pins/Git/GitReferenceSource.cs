using System.Collections.Immutable;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Pins.Git;

/// <summary>
/// A GitOps repository as a reference source (docs/references.md, "Git sources"): fetched into <c>stateDir</c>, every YAML file
/// under the configured folders at the branch's HEAD (what Flux applies next), and the files each commit
/// of the history window changed (what a revert brings back, kept as history). Each blob is read and
/// parsed once however many commits hold it. An unreachable repository or a missing branch fails the
/// source; a file that does not parse is a warning.
/// </summary>
public sealed class GitReferenceSource(GitSourceOptions options, TimeProvider clock) : IReferenceSource
{
    private readonly GitPaths _paths = new(options.Paths);

    /// <summary>How many git processes the last collection started (the benchmark reports it).</summary>
    public int GitProcesses { get; private set; }

    /// <summary>How many files and commits the last collection read (the benchmark reports them).</summary>
    public (int Files, int Commits) Read { get; private set; }

    /// <inheritdoc />
    public async Task<SourceResult> CollectAsync(CancellationToken cancellationToken)
    {
        var name = "git:" + options.Name;
        var askPass = AskPassScript.Ensure(Path.GetDirectoryName(Path.GetFullPath(options.Mirror))!);
        var mirror = new GitMirror(options, GitEnvironment.For(options, askPass));
        try
        {
            await mirror.FetchAsync(cancellationToken);
            var head = await mirror.HeadAsync(cancellationToken);
            var tree = (await mirror.TreeAsync(head, cancellationToken)).Where(f => _paths.Reads(f.Path)).ToImmutableArray();
            var now = clock.GetUtcNow();
            var log = await mirror.LogAsync(now, cancellationToken);
            var history = log.Skip(1).Select(c => c with { Changed = [.. c.Changed.Where(f => _paths.Reads(f.Path))] }).ToImmutableArray();
            var texts = await mirror.ReadAsync([.. tree.Concat(history.SelectMany(c => c.Changed)).Select(f => f.Blob).Distinct(StringComparer.Ordinal)], cancellationToken);
            Read = (texts.Count, history.Length + 1);
            var collector = new GitCollector(options.Name, texts);
            collector.AddHead(head, tree);
            foreach (var commit in history)
            {
                collector.AddHistory(commit);
            }

            var (protections, warnings) = collector.Finish();
            if (HistoryWindow.Check(options, log, now) is { } shortHistory)
            {
                warnings = warnings.Add(shortHistory);
            }

            var note = $"{options.Branch} at {GitReason.Abbreviate(head)}, {tree.Length} file(s), {history.Length} past commit(s)";
            return SourceResult.Ok(name, protections, [note]) with { Warnings = warnings };
        }
        catch (GitException e)
        {
            return SourceResult.Failed(name, $"{options.Url} branch {options.Branch}: {e.Message}");
        }
        finally
        {
            GitProcesses = mirror.Spawned;
        }
    }
}
