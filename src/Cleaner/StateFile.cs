using System.Text.Json;

namespace OciCleanup.Cleaner;

/// <summary>
/// One JSON file in <c>stateDir</c>, written atomically (temp file, then rename) so that a run killed
/// mid-write never leaves half a file, mode 0600, never through a symbolic link (<see cref="SafeFiles"/>). Read and write failures come back as messages, not exceptions:
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
        try
        {
            SafeFiles.RefuseLink(FilePath);
            if (!File.Exists(FilePath))
            {
                return (null, null);
            }

            return (JsonSerializer.Deserialize<T>(SafeFiles.ReadAllText(FilePath), Options) ?? throw new JsonException("the file holds null"), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return (null, $"{FilePath} cannot be read ({(e is JsonException ? "not the JSON this program writes: " : "")}{e.Message})");
        }
    }

    public string? Save(T value)
    {
        try
        {
            SafeFiles.EnsureFolder(stateDir, SafeFiles.PrivateFolder, SafeFiles.FolderCeiling, linkAllowed: true);
            SafeFiles.WriteAtomic(FilePath, file => JsonSerializer.Serialize(file, value, Options), SafeFiles.PrivateFile);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{FilePath} not saved: {e.Message}";
        }
    }
}
