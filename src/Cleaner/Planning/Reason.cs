using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Planning;

/// <summary>One reason of a decision: a kind of the closed list and where it comes from, as data.</summary>
/// <param name="Kind">One of <see cref="ReasonKind.All"/>.</param>
/// <param name="Origin">The pins line, cluster object, kept version or retention rule behind it.</param>
internal sealed record Reason(string Kind, ReasonOrigin Origin)
{
    // Retention kinds, kept here for the planner's readers; the list is ReasonKind.
    public const string Grace = ReasonKind.Grace;
    public const string KeepTag = ReasonKind.KeepTag;
    public const string KeepLast = ReasonKind.KeepLast;
    public const string KeepWithin = ReasonKind.KeepWithin;
    public const string RemoveTag = ReasonKind.RemoveTag;
    public const string Retention = ReasonKind.Retention;
    public const string Untagged = ReasonKind.Untagged;

    public string Kind { get; init; } = ReasonKind.Checked(Kind);

    /// <summary>The origin in words, as the report's <c>detail</c> says it.</summary>
    public string Detail => Origin.Detail;

    public bool IsDelete => Kind is RemoveTag or Retention or Untagged;
}
