namespace OciCleanup.Pins.Protection;

/// <summary>A place among the newest builds retention keeps (<c>keepLast</c>): <c>#1 of the newest 3 tagged</c>.</summary>
/// <param name="Rank">The place, from 1 (the newest).</param>
/// <param name="Of">How many the policy keeps.</param>
public sealed record RankOrigin(int Rank, int Of) : ReasonOrigin
{
    /// <inheritdoc />
    public override string Place => Text;

    /// <inheritdoc />
    protected override string Text => $"#{Rank} of the newest {Of} tagged";
}
