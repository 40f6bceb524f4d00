namespace OciCleanup.Cleaner;

/// <summary>The exit codes (README.md, "Commands").</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The run failed or was blocked: a source failed, a safety limit tripped, a delete failed.</summary>
    public const int Failed = 1;

    /// <summary>Bad usage, invalid configuration or pins (with file:line).</summary>
    public const int Usage = 2;
}
