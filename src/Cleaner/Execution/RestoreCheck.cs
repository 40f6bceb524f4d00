using OciCleanup.Cleaner.Inventory;
using OciCleanup.Pins;

namespace OciCleanup.Cleaner.Execution;

/// <summary>
/// The rules <c>restore</c> applies before it pushes anything (docs/reports.md, "Undo: `restore`"). The kept bytes must hash to
/// the digest the line records — an edited or damaged audit line never puts a manifest under a tag,
/// whatever <c>--force</c> says. A live tag is never overwritten without <c>--force</c>: a tag that
/// resolves to another digest now was pushed since the delete (CI building the same version again).
/// </summary>
internal static class RestoreCheck
{
    /// <summary>The manifest to push, verified against the recorded digest; or why the entry is refused.</summary>
    public static (RawManifest? Manifest, RestoreOutcome.Refused? Refusal) Manifest(AuditEntry entry)
    {
        if (entry.Manifest is null || entry.MediaType is null)
        {
            return (null, new($"audit line {entry.Line} keeps no manifest (deleted by an older oci-cleanup)"));
        }

        if (!Digest.TryParse(entry.Digest, out var recorded))
        {
            return (null, new($"audit line {entry.Line} records no valid digest, so its manifest cannot be verified"));
        }

        var bytes = new byte[entry.Manifest.Length];
        if (!Convert.TryFromBase64String(entry.Manifest, bytes, out var length))
        {
            return (null, new($"audit line {entry.Line}: the kept manifest is not valid base64"));
        }

        var manifest = new RawManifest(bytes[..length], entry.MediaType);
        if (manifest.Digest != recorded)
        {
            return (null, new($"audit line {entry.Line}: the kept manifest hashes to {manifest.Digest}, not to the recorded {recorded}; an edited or damaged line is never pushed (not even with --force)"));
        }

        if (Digest.IsDigest(entry.Version) && !string.Equals(entry.Version, recorded.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            return (null, new($"audit line {entry.Line}: version {entry.Version} is not the recorded digest {recorded}"));
        }

        return (manifest, null);
    }

    /// <summary>What the tag resolving now means: null to go ahead and push, else the outcome without a push.</summary>
    public static RestoreOutcome? Live(AuditEntry entry, Digest recorded, Digest? live, bool force) =>
        live is not { } now ? null
        : now == recorded ? new RestoreOutcome.AlreadyPresent()
        : force ? null
        : new RestoreOutcome.Refused($"{entry.Version} now points at {now}, not at the deleted {recorded}: it was pushed since the delete, and restore never overwrites a live tag (restore --force puts the deleted manifest over it)");
}
