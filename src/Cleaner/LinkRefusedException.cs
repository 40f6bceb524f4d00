namespace OciCleanup.Cleaner;

/// <summary>
/// A state, history, plan, audit or metrics path is a symbolic link. An <see cref="IOException"/>, so every
/// caller that already turns a file it cannot write into a failed or blocked run does the same here.
/// </summary>
internal sealed class LinkRefusedException(string path, string target)
    : IOException($"{path} is a symbolic link (to {target}); oci-cleanup never follows a link for its state, plans, audit log or metrics: remove the link")
{
    public string LinkPath { get; } = path;
}
