namespace OciCleanup.Pins.DesiredState;

/// <summary>
/// A rule by which Flux picks a tag of one repository — an ImagePolicy, an OCIRepository
/// <c>ref.semver</c>, a HelmRelease chart version range — evaluated against the tags the registry has
/// now, so that what Flux would pick on its next reconcile is protected before it has a <c>status</c>.
/// Records with value equality: the protected set keeps each distinct policy once.
/// </summary>
public abstract record TagPolicy
{
    /// <summary>The tags Flux would pick from <paramref name="tags"/> (a repository's tags, in listing order).</summary>
    public abstract TagPick Pick(IReadOnlyCollection<string> tags);

    /// <summary>The rule in words, for reports: e.g. <c>semver '&gt;=1.0.0 &lt;2.0.0'</c>.</summary>
    public abstract string Describe();
}
