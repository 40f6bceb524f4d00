namespace OciCleanup.Cleaner.Reporting;

/// <summary>What a source said in a run, as the human formats show it: its references, breaker baseline, error and notes.</summary>
internal static class SourceSaid
{
    public static string Of(SourceEntry source) =>
        string.Join("; ", new[]
        {
            source.References is { } n ? Plural.Of(n, "reference") : null,
            source.Baseline is { } b ? $"baseline {b}" : null,
            source.Error,
        }.Concat(source.Notes ?? []).OfType<string>());
}
