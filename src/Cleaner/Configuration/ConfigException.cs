namespace OciCleanup.Cleaner.Configuration;

/// <summary>An invalid configuration: the file, the line and the path of the offending key.</summary>
internal sealed class ConfigException(string file, long line, string keyPath, string problem)
    : Exception($"{file}:{line}: {keyPath}: {problem}")
{
    public string File { get; } = file;

    public long Line { get; } = line;

    public string KeyPath { get; } = keyPath;
}
