using System.Net;
using OciCleanup.Cleaner.Execution;

namespace OciCleanup.Cleaner.Inventory.GitHub;

/// <summary>
/// <c>restore</c> on GitHub (docs/reports.md, "Undo: `restore`"): GitHub's own restore of the deleted version by its id,
/// within its 30 days — the manifest and every tag it had come back together, so the other audit lines
/// of the same version then find it present. Past 30 days, or once purged, it is too late.
/// </summary>
internal static class GitHubRestore
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    public static async Task<RestoreOutcome> RunAsync(GitHubApi api, string ownerPath, AuditEntry entry, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (entry.VersionId is not { } id)
        {
            return new RestoreOutcome.Refused($"audit line {entry.Line} keeps no GitHub version id (deleted by an older oci-cleanup); restore it in GitHub's web interface");
        }

        if (await api.GetVersionAsync(ownerPath, entry.Package, id, cancellationToken) is { DeletedAt: null } live)
        {
            return live.Digest.ToString() == entry.Digest ? new RestoreOutcome.AlreadyPresent() : new RestoreOutcome.Refused($"version {id} is live as {live.Digest}, not the deleted {entry.Digest}");
        }

        if (clock.GetUtcNow() - entry.Time > Window)
        {
            return new RestoreOutcome.TooLate($"deleted {entry.Time:yyyy-MM-dd}, more than GitHub's 30 days ago: GitHub no longer restores it; re-push the image from its source");
        }

        return await api.RestoreVersionAsync(ownerPath, entry.Package, id, cancellationToken) switch
        {
            null => new RestoreOutcome.Restored(),
            ({ } status, var said) when status == HttpStatusCode.NotFound => new RestoreOutcome.TooLate($"GitHub no longer holds deleted version {id} (purged, or past its 30 days){(said is null ? "" : $": \"{said}\"")}"),
            ({ } status, var said) => new RestoreOutcome.Refused($"GitHub refused to restore version {id}: HTTP {(int)status}{(said is null ? "" : $" \"{said}\"")}"),
        };
    }
}
