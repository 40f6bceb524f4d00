using System.Collections.Immutable;

namespace OciCleanup.Cleaner.Rollback;

/// <summary>
/// The rollback record in <c>stateDir/rollback.json</c>. Written only after a trusted run; an unreadable
/// file fails the <c>state:rollback</c> source (fail closed, like the breaker's baselines), never "no record".
/// </summary>
internal sealed class RollbackStore(string stateDir)
{
    public const string FileName = "rollback.json";

    private readonly StateFile<SortedDictionary<string, ImmutableArray<SeenImage>>> _file = new(stateDir, FileName);

    public string FilePath => _file.FilePath;

    /// <summary>The record (null when there is none yet: a first run), or why it cannot be read.</summary>
    public (RollbackRecord? Record, string? Error) Load()
    {
        var (read, error) = _file.Load();
        if (error is not null)
        {
            return (null, $"{error}: without it the rollback window cannot be kept; fix or delete the file (the window then starts again)");
        }

        return (read is null ? null : new RollbackRecord(read.ToImmutableSortedDictionary(StringComparer.Ordinal)), null);
    }

    /// <summary>Saves; returns an error instead of failing a run whose work is done.</summary>
    public string? Save(RollbackRecord record) =>
        _file.Save(new SortedDictionary<string, ImmutableArray<SeenImage>>(record.Objects, StringComparer.Ordinal));
}
