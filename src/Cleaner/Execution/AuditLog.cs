using System.Text;
using System.Text.Json;
using OciCleanup.Cleaner.Inventory;

namespace OciCleanup.Cleaner.Execution;

/// <summary>
/// <c>report.auditLog</c>: one JSON line before each delete is attempted (<c>result: "attempting"</c>)
/// and one with its outcome, each flushed at once — so even a process killed mid-request leaves the
/// attempt on disk. Opened before the first delete: a log that cannot be written means no delete.
/// A deleted version's line keeps its manifest (base64) and media type: the undo trail of <c>restore</c>.
/// </summary>
internal sealed class AuditLog : IDisposable
{
    private static readonly JsonSerializerOptions LineOptions = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };
    private readonly FileStream? _file;
    private readonly TimeProvider _clock;

    private readonly string? _runId;

    private AuditLog(FileStream? file, TimeProvider clock, string? runId)
    {
        _file = file;
        _clock = clock;
        _runId = runId;
    }

    /// <summary>
    /// Opens the log for appending (creating its folder 0700), or throws <see cref="IOException"/>/<see cref="UnauthorizedAccessException"/>.
    /// It holds manifests: created 0600 whatever the umask, never through a link (<see cref="LinkRefusedException"/>).
    /// </summary>
    public static AuditLog Open(string? path, TimeProvider clock, string? runId = null)
    {
        if (path is null)
        {
            return new AuditLog(null, clock, runId);
        }

        SafeFiles.EnsureFolder(Path.GetDirectoryName(Path.GetFullPath(path))!, SafeFiles.PrivateFolder, linkAllowed: true);
        return new AuditLog(SafeFiles.Open(path, FileMode.Append, SafeFiles.PrivateFile, FileAccess.Write, FileShare.Read), clock, runId);
    }

    public void Attempt(PackageVersion version) => Write(version, "attempting", null, null);

    public void Record(PackageVersion version, DeleteOutcome outcome, RawManifest? manifest = null) =>
        Write(version, outcome.Result, outcome.Detail, outcome is DeleteOutcome.Deleted ? manifest : null);

    private void Write(PackageVersion version, string result, string? detail, RawManifest? manifest)
    {
        if (_file is null)
        {
            return;
        }

        var line = JsonSerializer.Serialize(new AuditEntry(_clock.GetUtcNow(), version.Ref, result)
        {
            Detail = detail,
            RunId = _runId,
            MediaType = manifest?.MediaType,
            Manifest = manifest is null ? null : Convert.ToBase64String(manifest.Bytes),
            // The registry's own id of the version (GitHub restores by it).
            VersionId = version.Id,
        }, LineOptions);
        _file.Write(Encoding.UTF8.GetBytes(line + "\n"));
        _file.Flush(flushToDisk: true);
    }

    public void Dispose() => _file?.Dispose();
}
