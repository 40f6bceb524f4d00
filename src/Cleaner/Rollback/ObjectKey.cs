namespace OciCleanup.Cleaner.Rollback;

/// <summary>
/// A source object whose images the rollback window follows: <c>armer</c> + <c>kotkan/Deployment/api</c>.
/// Stable across deploys (a Deployment, a Helm release), unlike the ReplicaSets and Pods it makes.
/// </summary>
/// <param name="Source">Where it lives: a cluster's name.</param>
/// <param name="Path">Which object there: <c>namespace/Kind/name</c>.</param>
internal sealed record ObjectKey(string Source, string Path)
{
    /// <summary>The key as stored and shown: <c>armer kotkan/Deployment/api</c>.</summary>
    public override string ToString() => $"{Source} {Path}";

    public static ObjectKey Parse(string text)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? new ObjectKey(text, "") : new ObjectKey(text[..space], text[(space + 1)..]);
    }
}
