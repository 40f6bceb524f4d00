using System.Collections.Immutable;
using System.Text.Json;
using OciCleanup.Cleaner.Planning;

namespace OciCleanup.Cleaner;

/// <summary>
/// The per-source baselines of the shrink breaker, kept in <c>stateDir/baselines.json</c>. Written
/// only after a trusted run; an unreadable file is reported, never taken as "no baselines".
/// </summary>
internal sealed class BaselineStore(string stateDir)
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public string FilePath => Path.Combine(stateDir, "baselines.json");

    /// <summary>The baselines, or an error that says why they could not be read.</summary>
    public (ImmutableDictionary<string, SourceBaseline> Baselines, string? Error) Load()
    {
        if (!File.Exists(FilePath))
        {
            return (ImmutableDictionary<string, SourceBaseline>.Empty, null);
        }

        try
        {
            var read = JsonSerializer.Deserialize<Dictionary<string, SourceBaseline>>(File.ReadAllText(FilePath), Options);
            return (read?.ToImmutableDictionary() ?? throw new JsonException("null"), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return (ImmutableDictionary<string, SourceBaseline>.Empty, $"{FilePath} cannot be read ({e.GetType().Name}): without baselines the shrink breaker cannot work; fix or delete the file");
        }
    }

    /// <summary>Saves atomically; returns an error instead of failing a run whose work is done.</summary>
    public string? Save(IReadOnlyDictionary<string, SourceBaseline> baselines)
    {
        try
        {
            Directory.CreateDirectory(stateDir);
            var temporary = FilePath + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(baselines.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(), Options));
            File.Move(temporary, FilePath, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"baselines not saved to {FilePath}: {e.Message}";
        }
    }
}
