namespace OciCleanup.Pins.DesiredState;

/// <summary>
/// How an ImagePolicy (<c>spec.policy</c>) orders the values its filter admits: <see cref="SemverOrder"/>,
/// <see cref="NumericalOrder"/> or <see cref="AlphabeticalOrder"/>.
/// </summary>
public abstract record TagOrder
{
    /// <summary>
    /// The value(s) Flux would elect from <paramref name="values"/> (distinct): one, several when Flux's
    /// choice among equals depends on map order, none (with a warning) when Flux would fail.
    /// </summary>
    public abstract TagPick Choose(IReadOnlyCollection<string> values);

    /// <summary>The order in words, e.g. <c>numerical asc</c>.</summary>
    public abstract string Describe();
}
