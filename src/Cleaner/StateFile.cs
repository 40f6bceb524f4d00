using System.Text.Json;

namespace OciCleanup.Cleaner;

/// <summary>
/// One JSON file in <c>stateDir</c>, written atomically (temp file, then rename) so that a run killed
/// mid-write never leaves half a file. Read and write failures come back as messages, not exceptions:
/// each caller decides what an unreadable file means (the breaker fails closed; first-seen times
/// count as empty, which keeps more).
/// </summary>
internal sealed class StateFile<T>(string stateDir, string name)
    where T : class
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public string FilePath => Path.Combine(stateDir, name);

    /// <summary>The content, null when the file does not exist, or why it could not be read.</summary>
    public (T? Value, string? Error) Load()
    {
        if (!File.Exists(FilePath))
        {
            return (null, null);
        }

        try
        {
            return (JsonSerializer.Deserialize<T>(File.ReadAllText(FilePath), Options) ?? throw new JsonException("the file holds null"), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return (null, $"{FilePath} cannot be read ({e.GetType().Name}: {e.Message})");
        }
    }

    public string? Save(T value)
    {
        try
        {
            Directory.CreateDirectory(stateDir);
            var temporary = FilePath + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(value, Options));
            File.Move(temporary, FilePath, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{FilePath} not saved: {e.Message}";
        }
    }
}
