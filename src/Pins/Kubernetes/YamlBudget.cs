namespace OciCleanup.Pins.Kubernetes;

/// <summary>What one YAML stream has spent of <see cref="YamlDocuments"/>' limits so far.</summary>
internal sealed class YamlBudget
{
    public long Nodes { get; private set; }

    public long ScalarChars { get; private set; }

    /// <summary>Spends <paramref name="nodes"/> and <paramref name="chars"/>, or throws before anything past the limits is built.</summary>
    public void Spend(long nodes, long chars, int line)
    {
        if (Nodes + nodes > YamlDocuments.MaxNodes)
        {
            throw new YamlDocumentException($"YAML expands to more than {YamlDocuments.MaxNodes} nodes at line {line} (aliases of aliases?)", line);
        }

        if (ScalarChars + chars > YamlDocuments.MaxScalarChars)
        {
            throw new YamlDocumentException($"YAML expands to more than {YamlDocuments.MaxScalarChars} characters of text at line {line}", line);
        }

        Nodes += nodes;
        ScalarChars += chars;
    }
}
