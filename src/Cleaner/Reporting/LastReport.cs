namespace OciCleanup.Cleaner.Reporting;

/// <summary>
/// The JSON report of the latest run in <c>stateDir/last-report.json</c>, whatever `--report` and
/// `--output` printed: "what did the 03:30 run do?" has an answer on the host or the CronJob's volume.
/// </summary>
internal static class LastReport
{
    public const string FileName = "last-report.json";

    /// <summary>Writes it atomically and never through a link (<see cref="SafeFiles"/>); returns the error instead of throwing, the run's own report is already out.</summary>
    public static async Task<string?> TryWriteAsync(string stateDir, RunReport report, CancellationToken cancellationToken)
    {
        try
        {
            SafeFiles.EnsureFolder(stateDir, SafeFiles.PrivateFolder, SafeFiles.FolderCeiling, linkAllowed: true);
            await SafeFiles.WriteAtomicAsync(Path.Combine(stateDir, FileName), (file, ct) => JsonReportWriter.WriteAsync(report, file, ct), SafeFiles.PrivateFile, cancellationToken);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"last report not written to {stateDir}: {e.Message}";
        }
    }
}
