using System.Collections.Immutable;
using System.Globalization;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Pins.Git;

/// <summary>Whether the history read is as long as <c>history</c> asks; a young or shallow repository is a warning, not a failure.</summary>
public static class HistoryWindow
{
    /// <summary>The warning for <paramref name="log"/> (HEAD first), or null when it is as long as asked or could be longer.</summary>
    public static SourceWarning? Check(GitSourceOptions options, ImmutableArray<GitCommit> log, DateTimeOffset now)
    {
        // Only a log that ends at a commit without parents has nothing more to give.
        if (log.IsEmpty || !log[^1].IsRoot)
        {
            return null;
        }

        var before = log.Length - 1;
        var oldest = log[^1].Time;
        var shortCommits = options.HistoryCommits is { } commits && before < commits;
        var shortDays = options.HistoryDays is { } days && oldest > now.AddDays(-days);
        if (!shortCommits && !shortDays)
        {
            return null;
        }

        var asked = string.Join(" and ", new[] { options.HistoryCommits is { } c ? $"{c} commits" : null, options.HistoryDays is { } d ? $"{d} days" : null }.OfType<string>());
        return new SourceWarning(
            WarningKind.ShortHistory,
            $"git:{options.Name}: branch {options.Branch} has only {before} commit(s) before HEAD, back to {oldest.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} (a young or shallow repository); history asks {asked}: all of it was read");
    }
}
