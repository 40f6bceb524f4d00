namespace OciCleanup.Cleaner.Configuration;

/// <summary>
/// An invalid configuration: the file, the line (and column, when the YAML scanner gives one) and the path
/// of the offending key. Line 0 is the file as a whole (not found, not readable).
/// </summary>
internal sealed class ConfigException(string file, long line, string keyPath, string problem, long column = 0)
    : Exception(line <= 0 ? $"{file}: {problem}" : column > 0 ? $"{file}:{line}:{column}: {keyPath}: {problem}" : $"{file}:{line}: {keyPath}: {problem}")
{
    public string File { get; } = file;

    public long Line { get; } = line;

    public string KeyPath { get; } = keyPath;
}
