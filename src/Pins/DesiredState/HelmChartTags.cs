namespace OciCleanup.Pins.DesiredState;

/// <summary>
/// The chart version a HelmRelease's <c>spec.chart.spec.version</c> resolves to on an OCI HelmRepository,
/// as source-controller does: a version (fluxcd/pkg/version <c>ParseVersion</c>) is used as the tag
/// itself; otherwise it is a range (empty means <c>*</c>) over the tags Helm lists — those that are
/// strict SemVer once <c>_</c> is read as <c>+</c> — and the highest in range is pulled.
/// </summary>
/// <param name="Version">The version or range as written.</param>
public sealed record HelmChartTags(string Version) : TagPolicy
{
    /// <inheritdoc />
    public override TagPick Pick(IReadOnlyCollection<string> tags)
    {
        if (FluxVersion.TryParse(Version, out _))
        {
            var tag = Version.Replace('+', '_');
            var listed = tags.Where(t => string.Equals(t, tag, StringComparison.OrdinalIgnoreCase)).ToList();
            return listed.Count > 0 ? TagPick.Of(listed) : TagPick.Nothing($"{Describe()}: no tag {tag}: Flux cannot pull it");
        }

        var text = Version.Length == 0 ? "*" : Version;
        if (!FluxSemverRange.TryParse(text, out var range, out var error))
        {
            return TagPick.Nothing($"{Describe()}: {error}: Flux cannot resolve it");
        }

        var candidates = tags
            .Select(t => (Tag: t, Version: FluxVersion.TryParseStrict(t.Replace('_', '+'), out var v) ? v : null))
            .Where(c => c.Version is not null && range.Contains(c.Version))
            .Select(c => (c.Tag, c.Version!));
        return Highest.Pick(candidates, Describe(), "chart tags", "no chart version in range: Flux cannot resolve it");
    }

    /// <inheritdoc />
    public override string Describe() => $"chart version '{Version}'";
}
