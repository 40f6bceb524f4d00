namespace OciCleanup.Cleaner.Reporting;

/// <summary>
/// The JSON report of the latest run in <c>stateDir/last-report.json</c>, whatever `--report` and
/// `--output` printed: "what did the 03:30 run do?" has an answer on the host or the CronJob's volume.
/// </summary>
internal static class LastReport
{
    public const string FileName = "last-report.json";

    /// <summary>Writes it atomically (temp file, then rename); returns the error instead of throwing, the run's own report is already out.</summary>
    public static async Task<string?> TryWriteAsync(string stateDir, RunReport report, CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(stateDir);
            var path = Path.Combine(stateDir, FileName);
            var temporary = $"{path}.{Environment.ProcessId}.tmp";
            await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                await JsonReportWriter.WriteAsync(report, file, cancellationToken);
            }

            File.Move(temporary, path, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"last report not written to {stateDir}: {e.Message}";
        }
    }
}
