using System.Collections.Immutable;
using System.Text.Json;

namespace OciCleanup.Cleaner;

/// <summary>
/// When this program first saw each version that has no plausible creation time
/// (<c>stateDir/first-seen.json</c>). An unreadable file counts as empty: every such version then
/// looks new again, which keeps more — the safe direction.
/// </summary>
internal sealed class FirstSeenStore(string stateDir)
{
    private string FilePath => Path.Combine(stateDir, "first-seen.json");

    public (ImmutableDictionary<string, DateTimeOffset> FirstSeen, string? Error) Load()
    {
        if (!File.Exists(FilePath))
        {
            return (ImmutableDictionary<string, DateTimeOffset>.Empty, null);
        }

        try
        {
            var read = JsonSerializer.Deserialize<Dictionary<string, DateTimeOffset>>(File.ReadAllText(FilePath));
            return (read?.ToImmutableDictionary() ?? ImmutableDictionary<string, DateTimeOffset>.Empty, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return (ImmutableDictionary<string, DateTimeOffset>.Empty, $"{FilePath} cannot be read ({e.GetType().Name}); versions without a creation time count as new");
        }
    }

    public string? Save(IReadOnlyDictionary<string, DateTimeOffset> firstSeen)
    {
        try
        {
            Directory.CreateDirectory(stateDir);
            var temporary = FilePath + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(firstSeen.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary()));
            File.Move(temporary, FilePath, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"first-seen times not saved to {FilePath}: {e.Message}";
        }
    }
}
