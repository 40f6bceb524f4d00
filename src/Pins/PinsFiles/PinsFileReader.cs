namespace OciCleanup.Pins.PinsFiles;

/// <summary>Reads pins files from disk. A missing file is an error, never "no pins".</summary>
public static class PinsFileReader
{
    /// <summary>Reads and parses <paramref name="path"/>; an unreadable file yields one error at line 0.</summary>
    public static async Task<PinsFile> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var text = await File.ReadAllTextAsync(path, cancellationToken);
            return PinsFileParser.Parse(path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var message = e is FileNotFoundException or DirectoryNotFoundException ? "pins file not found" : $"cannot read pins file: {e.Message}";
            return new PinsFile(path, [], [new PinsFileError(path, 0, message)]);
        }
    }
}
