using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Rollback;

/// <summary>
/// Which earlier image of which object a rollback probe stands for: the key that finds the versions the
/// image names. Probes are never merged into the protected set, so this origin never reaches a report.
/// </summary>
internal sealed record ProbeOrigin(ObjectKey Object, string Image) : ReasonOrigin
{
    /// <inheritdoc />
    public override string Place => $"{Object} {Image}";

    /// <inheritdoc />
    protected override string Text => Place;
}
