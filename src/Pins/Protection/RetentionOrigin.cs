namespace OciCleanup.Pins.Protection;

/// <summary>A retention rule that keeps or deletes a version, in words: a pattern, an age limit.</summary>
/// <param name="Rule">The rule as the policy states it, e.g. <c>younger than minAgeHours 24</c> or a keepTags pattern.</param>
/// <param name="AgeFromFirstSeen">True when the age is counted from when oci-cleanup first saw the version.</param>
public sealed record RetentionOrigin(string Rule, bool AgeFromFirstSeen = false) : ReasonOrigin
{
    /// <inheritdoc />
    public override string Place => Text;

    /// <inheritdoc />
    protected override string Text => AgeFromFirstSeen
        ? Rule + " (age from when oci-cleanup first saw it: the registry gives no plausible creation time)"
        : Rule;
}
