using OciCleanup.Cleaner.Planning;

namespace OciCleanup.Cleaner;

/// <summary>
/// The per-source baselines of the shrink breaker, kept in <c>stateDir/baselines.json</c>. Written
/// only after a trusted run; an unreadable file is reported, never taken as "no baselines".
/// </summary>
internal sealed class BaselineStore(string stateDir)
    : StateDictionary<SourceBaseline>(stateDir, FileName, ": without baselines the shrink breaker cannot work; fix or delete the file")
{
    public const string FileName = "baselines.json";
}
