namespace OciCleanup.Pins.Protection;

/// <summary>
/// Where a reason comes from, as data: a pins-file line, a cluster object, a file in git, a rollback
/// record, the kept version a reason derives from, a retention rule. <see cref="Detail"/> renders it to
/// the report's <c>detail</c> text once; nothing reads that text back — every other view asks the origin.
/// </summary>
public abstract record ReasonOrigin
{
    /// <summary>The image's host when the version was named by its path alone, on a host no registry names.</summary>
    public string? UnconfiguredHost { get; init; }

    /// <summary>What a tag rule (an ImagePolicy, a semver range) picks from the registry's tags, when the reason is such a pick.</summary>
    public PolicyPick? Pick { get; init; }

    /// <summary>The report's <c>detail</c>: the origin's own text, then what matching it to the registry added.</summary>
    public string Detail => Text + Qualifiers;

    /// <summary>
    /// Where the reference was seen, without notes: the object, file line or kept version. A version named
    /// twice from one place for one kind has one reason (an ImagePolicy's pick and its status refs).
    /// </summary>
    public abstract string Place { get; }

    /// <summary>What matching added, in brackets: the pick, the unconfigured host; empty when neither.</summary>
    public string Qualifiers => Pick switch
    {
        { } pick => $" (would pick {string.Join(", ", pick.Tags)} by {pick.Rule}{(UnconfiguredHost is { } h ? $", by path on unconfigured host {h}" : "")})",
        null => UnconfiguredHost is { } host ? $" (by path on unconfigured host {host})" : "",
    };

    /// <summary>The origin's own text, before <see cref="Qualifiers"/>.</summary>
    protected abstract string Text { get; }
}
