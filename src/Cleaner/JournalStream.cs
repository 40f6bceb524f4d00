namespace OciCleanup.Cleaner;

/// <summary>
/// Whether standard error is the journald stream systemd connected (systemd.exec(5),
/// <c>$JOURNAL_STREAM</c>). The variable is inherited by children whose stderr may have been
/// redirected elsewhere, so it only counts when its inode is stderr's own.
/// </summary>
internal static class JournalStream
{
    private const string StandardErrorLink = "/proc/self/fd/2";

    public static bool IsStandardError() =>
        Matches(Environment.GetEnvironmentVariable("JOURNAL_STREAM"), LinkTarget(StandardErrorLink));

    /// <summary>
    /// <paramref name="journalStream"/> is "DEVICE:INODE"; <paramref name="stderrLinkTarget"/> is what
    /// /proc/self/fd/2 points at, "socket:[INODE]" for journald (or "pipe:[INODE]").
    /// </summary>
    public static bool Matches(string? journalStream, string? stderrLinkTarget)
    {
        if (journalStream?.Split(':') is not [{ Length: > 0 }, { Length: > 0 } inode] || stderrLinkTarget is null)
        {
            return false;
        }

        var open = stderrLinkTarget.IndexOf(":[", StringComparison.Ordinal);
        return open > 0 && stderrLinkTarget.EndsWith(']') && stderrLinkTarget[(open + 2)..^1] == inode;
    }

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
