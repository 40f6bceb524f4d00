namespace OciCleanup.Cleaner.Scheduling;

/// <summary>
/// Writes metrics for node_exporter's textfile collector atomically through a temp file with an
/// unpredictable name (<see cref="SafeFiles"/>: a link planted in the collector's folder is never
/// opened), mode 0644 whatever the umask (systemd's UMask=0077 would leave it unreadable to
/// node_exporter), and carries the last success and the run count over from the file it replaces.
/// A metrics file that is a symbolic link is refused, not written through.
/// </summary>
internal static class MetricsTextfile
{
    private const UnixFileMode Readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>Writes the file; returns why it was not written instead of throwing, the run's work is done.</summary>
    public static async Task<string?> WriteAsync(string path, Func<PreviousRuns, RunMetrics> make, CancellationToken cancellationToken)
    {
        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            SafeFiles.EnsureFolder(folder, Readable | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute, linkAllowed: true);
            SafeFiles.RefuseLink(path);
            var metrics = make(await ReadPreviousAsync(path, cancellationToken));
            await SafeFiles.WriteAtomicAsync(path, (file, ct) => file.WriteAsync(System.Text.Encoding.UTF8.GetBytes(metrics.ToPrometheusText()), ct).AsTask(), Readable, cancellationToken);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"metrics file not written: {e.Message}";
        }
    }

    private static async Task<PreviousRuns> ReadPreviousAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return PreviousRuns.Parse(await File.ReadAllTextAsync(path, cancellationToken));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return PreviousRuns.None;
        }
    }
}
