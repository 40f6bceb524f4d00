using System.Text.Json;
using OciCleanup.Cleaner.Inventory;

namespace OciCleanup.Cleaner.Execution;

/// <summary>One JSON line per delete attempted, appended to <c>report.auditLog</c> when configured.</summary>
internal sealed class AuditLog(string? path, TimeProvider clock)
{
    public void Record(PackageVersion version, DeleteOutcome outcome)
    {
        if (path is null)
        {
            return;
        }

        var line = JsonSerializer.Serialize(new
        {
            time = clock.GetUtcNow(),
            registry = version.Registry,
            owner = version.Owner,
            type = version.Type,
            package = version.Name,
            version = version.Version,
            digest = version.Digest?.ToString(),
            result = outcome.Result,
            detail = outcome.Detail,
        });
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.AppendAllText(path, line + "\n");
    }
}
