namespace OciCleanup.Pins.Kubernetes;

/// <summary>
/// YAML that cannot be read: malformed, or past a limit of <see cref="YamlDocuments"/> (nodes after
/// expanding aliases, scalar text, nesting). The message says which and where, never the content.
/// </summary>
public sealed class YamlDocumentException(string message, int line, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The 1-based line the problem was found at.</summary>
    public int Line { get; } = line;
}
