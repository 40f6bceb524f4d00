namespace OciCleanup.Cleaner.Scheduling;

/// <summary>
/// Writes metrics for node_exporter's textfile collector atomically (temp file, then rename), mode
/// 0644 whatever the umask (systemd's UMask=0077 would leave it unreadable to node_exporter), and
/// carries the last success and the run count over from the file it replaces.
/// </summary>
internal static class MetricsTextfile
{
    private const UnixFileMode Readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public static async Task WriteAsync(string path, Func<PreviousRuns, RunMetrics> make, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(folder, Readable | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            }
        }

        var metrics = make(await ReadPreviousAsync(path, cancellationToken));
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        await File.WriteAllTextAsync(temporary, metrics.ToPrometheusText(), cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            // chmod, not the create mode: the umask applies to the latter.
            File.SetUnixFileMode(temporary, Readable);
        }

        File.Move(temporary, path, overwrite: true);
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
