namespace OciCleanup.Pins.Protection;

/// <summary>Why something must not be deleted: a kind from <see cref="ReasonKind"/> and where it came from, as data.</summary>
/// <param name="Kind">The reason kind, e.g. <c>pin</c>; one of <see cref="ReasonKind.All"/>.</param>
/// <param name="Origin">Where it came from: a pins line, a cluster object, a git file.</param>
public sealed record ProtectionReason(string Kind, ReasonOrigin Origin)
{
    /// <summary>The kind, checked against the closed list: a kind not in the list is a bug.</summary>
    public string Kind { get; init; } = ReasonKind.Checked(Kind);

    /// <summary>The origin rendered for the report (<see cref="ReasonOrigin.Detail"/>).</summary>
    public string Detail => Origin.Detail;
}
