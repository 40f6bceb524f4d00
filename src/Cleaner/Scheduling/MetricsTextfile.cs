namespace OciCleanup.Cleaner.Scheduling;

/// <summary>Writes metrics for node_exporter's textfile collector atomically (temp file, then rename).</summary>
internal static class MetricsTextfile
{
    public static async Task WriteAsync(string path, RunMetrics metrics, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        await File.WriteAllTextAsync(temporary, metrics.ToPrometheusText(), cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
