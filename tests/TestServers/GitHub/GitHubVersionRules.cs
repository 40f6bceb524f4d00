namespace OciCleanup.TestServers.GitHub;

/// <summary>
/// GitHub's rules for deleting and restoring a package version (SPEC §12), as status and message.
/// Status 0 means done (the route answers 204).
/// </summary>
internal static class GitHubVersionRules
{
    public static (int Status, string? Message) Delete(GitHubState state, GitHubOptions options, GitHubPackage package, long id)
    {
        lock (state.Lock)
        {
            var version = package.Active.FirstOrDefault(v => v.Id == id);
            if (version is null)
            {
                return (404, "Not Found");
            }

            // Observed answers (400): chizkiyahu/delete-untagged-ghcr-action#40, SmartsquareGmbH/delete-old-packages#33, kairos-io/kairos#4723.
            if (package.IsPublic && version.Downloads > options.DownloadLimit)
            {
                return (400, "Publicly visible package versions with more than 5000 downloads cannot be deleted. Contact GitHub support for further assistance.");
            }

            if (options.RefuseLastVersionDelete && package.Active.Count() == 1)
            {
                return (400, "You cannot delete the last version of a package. You must delete the package instead.");
            }

            if (options.RefuseLastVersionDelete && version.Tags.Count > 0 && package.Active.Count(v => v.Tags.Count > 0) == 1)
            {
                return (400, "You cannot delete the last tagged version of a package. You must delete the package instead.");
            }

            version.DeletedAt = state.Time.GetUtcNow();
            return (0, null);
        }
    }

    public static (int Status, string? Message) Restore(GitHubState state, GitHubOptions options, GitHubPackage package, long id)
    {
        lock (state.Lock)
        {
            var now = state.Time.GetUtcNow();
            var version = package.Versions.FirstOrDefault(v => v.Id == id && v.DeletedAt is { } at && now - at <= options.RestoreWindow);
            if (version is null)
            {
                return (404, "Not Found"); // never deleted, or purged after the window
            }

            // GitHub documents the refusal when the name was reused but not its status; 400 like its other refusals.
            if (package.Active.Any(v => v.Digest == version.Digest))
            {
                return (400, "The package version cannot be restored: its name is in use by another version.");
            }

            version.DeletedAt = null;
            // A tag pushed elsewhere since the delete stays where it is now.
            version.Tags.RemoveAll(tag => package.Active.Any(v => v != version && v.Tags.Contains(tag)));
            return (0, null);
        }
    }

    /// <summary>Versions as the list endpoint shows them: active ones, or deleted ones still within the restore window.</summary>
    public static List<GitHubPackageVersion> Listed(GitHubState state, GitHubOptions options, GitHubPackage package, bool deleted)
    {
        lock (state.Lock)
        {
            var now = state.Time.GetUtcNow();
            return [.. GitHubState.Newest(package.Versions.Where(v => deleted
                ? v.DeletedAt is { } at && now - at <= options.RestoreWindow
                : v.DeletedAt is null))];
        }
    }
}
