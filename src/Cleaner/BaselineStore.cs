using System.Collections.Immutable;
using OciCleanup.Cleaner.Planning;

namespace OciCleanup.Cleaner;

/// <summary>
/// The per-source baselines of the shrink breaker, kept in <c>stateDir/baselines.json</c>. Written
/// only after a trusted run; an unreadable file is reported, never taken as "no baselines".
/// </summary>
internal sealed class BaselineStore(string stateDir)
{
    public const string FileName = "baselines.json";

    private readonly StateFile<SortedDictionary<string, SourceBaseline>> _file = new(stateDir, FileName);

    /// <summary>The baselines, or an error that says why they could not be read.</summary>
    public (ImmutableDictionary<string, SourceBaseline> Baselines, string? Error) Load()
    {
        var (read, error) = _file.Load();
        return (read?.ToImmutableDictionary() ?? ImmutableDictionary<string, SourceBaseline>.Empty,
            error is null ? null : $"{error}: without baselines the shrink breaker cannot work; fix or delete the file");
    }

    /// <summary>Saves; returns an error instead of failing a run whose work is done.</summary>
    public string? Save(IReadOnlyDictionary<string, SourceBaseline> baselines) =>
        _file.Save(new SortedDictionary<string, SourceBaseline>(baselines.ToDictionary(), StringComparer.Ordinal));
}
