using System.Collections.Immutable;

namespace OciCleanup.Cleaner;

/// <summary>
/// A <see cref="StateFile{T}"/> that holds one value per key, written sorted by key (ordinal) so that
/// the file diffs cleanly from run to run.
/// </summary>
/// <typeparam name="TValue">What is kept per key.</typeparam>
/// <param name="stateDir">The state folder.</param>
/// <param name="fileName">The file's name in it.</param>
/// <param name="whenUnreadable">What an unreadable file means, appended to the read error.</param>
internal abstract class StateDictionary<TValue>(string stateDir, string fileName, string whenUnreadable)
{
    private readonly StateFile<SortedDictionary<string, TValue>> _file = new(stateDir, fileName);

    /// <summary>The entries (empty when there is no file), or an error that says why they could not be read.</summary>
    public (ImmutableDictionary<string, TValue> Entries, string? Error) Load()
    {
        var (read, error) = _file.Load();
        return (read?.ToImmutableDictionary() ?? ImmutableDictionary<string, TValue>.Empty, error is null ? null : error + whenUnreadable);
    }

    /// <summary>Saves; returns an error instead of failing a run whose work is done.</summary>
    public string? Save(IReadOnlyDictionary<string, TValue> entries) =>
        _file.Save(new SortedDictionary<string, TValue>(entries.ToDictionary(), StringComparer.Ordinal));
}
