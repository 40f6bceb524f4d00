using System.Collections.Immutable;

namespace OciCleanup.Cleaner;

/// <summary>
/// When this program first saw each version that has no plausible creation time
/// (<c>stateDir/first-seen.json</c>). An unreadable file counts as empty: every such version then
/// looks new again, which keeps more — the safe direction.
/// </summary>
internal sealed class FirstSeenStore(string stateDir)
{
    public const string FileName = "first-seen.json";

    private readonly StateFile<SortedDictionary<string, DateTimeOffset>> _file = new(stateDir, FileName);

    public (ImmutableDictionary<string, DateTimeOffset> FirstSeen, string? Error) Load()
    {
        var (read, error) = _file.Load();
        return (read?.ToImmutableDictionary() ?? ImmutableDictionary<string, DateTimeOffset>.Empty,
            error is null ? null : $"{error}; versions without a creation time count as new");
    }

    public string? Save(IReadOnlyDictionary<string, DateTimeOffset> firstSeen) =>
        _file.Save(new SortedDictionary<string, DateTimeOffset>(firstSeen.ToDictionary(), StringComparer.Ordinal));
}
