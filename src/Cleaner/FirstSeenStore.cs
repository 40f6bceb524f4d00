namespace OciCleanup.Cleaner;

/// <summary>
/// When this program first saw each version that has no plausible creation time
/// (<c>stateDir/first-seen.json</c>). An unreadable file counts as empty: every such version then
/// looks new again, which keeps more — the safe direction.
/// </summary>
internal sealed class FirstSeenStore(string stateDir)
    : StateDictionary<DateTimeOffset>(stateDir, FileName, "; versions without a creation time count as new")
{
    public const string FileName = "first-seen.json";
}
