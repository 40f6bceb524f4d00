using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using OciCleanup.Pins.Kubernetes;

namespace OciCleanup.Pins.DesiredState;

/// <summary>
/// What an OCIRepository with <c>spec.ref.semver</c> pulls, as source-controller computes it: tags
/// <c>semverFilter</c> matches anywhere (all without one), read as versions (<c>_</c> as <c>+</c> when
/// <c>layerSelector.mediaType</c> is Helm's chart layer), the highest in range. <c>ref.digest</c> takes
/// precedence over <c>ref.semver</c>, which takes precedence over <c>ref.tag</c>.
/// </summary>
/// <param name="Range">The <c>ref.semver</c> range.</param>
/// <param name="Filter">The <c>ref.semverFilter</c>, or null.</param>
/// <param name="ChartTags">Whether tags store a version's <c>+</c> as <c>_</c> (Helm chart layers).</param>
public sealed record OciRepositoryTags(FluxSemverRange Range, GoRegex? Filter, bool ChartTags) : TagPolicy
{
    /// <summary>Helm's chart layer media type (helm.sh/helm pkg/registry <c>ChartLayerMediaType</c>).</summary>
    public const string HelmChartLayerMediaType = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";

    /// <summary>
    /// The policy of an OCIRepository whose <c>spec.ref.semver</c> decides what it pulls; false with an
    /// empty error when the ref is a digest, a tag or absent (nothing to evaluate), or with why Flux would fail.
    /// </summary>
    public static bool TryRead(JsonNode source, [NotNullWhen(true)] out OciRepositoryTags? tags, out string error)
    {
        tags = null;
        error = "";
        var semver = JsonTree.At(source, "spec.ref.semver");
        if (!string.IsNullOrEmpty(JsonTree.At(source, "spec.ref.digest")) || string.IsNullOrEmpty(semver)
            || !FluxSemverRange.TryParse(semver, out var range, out error))
        {
            return false;
        }

        GoRegex? filter = null;
        if (JsonTree.At(source, "spec.ref.semverFilter") is { Length: > 0 } pattern && !GoRegex.TryParse(pattern, out filter, out error))
        {
            return false;
        }

        tags = new OciRepositoryTags(range, filter, JsonTree.At(source, "spec.layerSelector.mediaType") == HelmChartLayerMediaType);
        return true;
    }

    /// <inheritdoc />
    public override TagPick Pick(IReadOnlyCollection<string> tags)
    {
        var candidates = tags
            .Where(t => Filter is null || Filter.IsMatch(t))
            .Select(t => (Tag: t, Version: FluxVersion.TryParse(ChartTags ? t.Replace('_', '+') : t, out var v) ? v : null))
            .Where(c => c.Version is not null && Range.Contains(c.Version))
            .Select(c => (c.Tag, c.Version!));
        return Highest.Pick(candidates, Describe(), "tags", "no tag matches: Flux pulls nothing new");
    }

    /// <inheritdoc />
    public override string Describe() => $"ref.semver '{Range.Text}'{(Filter is null ? "" : $" semverFilter '{Filter.Pattern}'")}";
}
