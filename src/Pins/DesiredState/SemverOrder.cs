using Semver;

namespace OciCleanup.Pins.DesiredState;

/// <summary>
/// <c>spec.policy.semver.range</c>: the highest value that parses as a version (fluxcd/pkg/version
/// <c>ParseVersion</c>: others are skipped) and is in range. Versions of equal precedence (<c>1.0.0</c> and
/// <c>v1.0.0</c>, or builds differing only in metadata) are all elected: Flux keeps the first it meets.
/// </summary>
public sealed record SemverOrder(FluxSemverRange Range) : TagOrder
{
    /// <inheritdoc />
    public override TagPick Choose(IReadOnlyCollection<string> values)
    {
        var candidates = values
            .Select(v => (Value: v, Version: FluxVersion.TryParse(v, out var parsed) ? parsed : null))
            .Where(c => c.Version is not null && Range.Contains(c.Version))
            .Select(c => (c.Value, c.Version!));
        var best = Highest.Of(candidates);
        return best.Length == 0
            ? TagPick.Nothing($"no tag is a version in semver range '{Range.Text}': Flux picks nothing")
            : TagPick.Of(best);
    }

    /// <inheritdoc />
    public override string Describe() => $"semver '{Range.Text}'";
}
