namespace OciCleanup.Cleaner.Planning;

/// <summary>One reason of a decision: a kind from SPEC §8 and its detail.</summary>
internal sealed record Reason(string Kind, string Detail)
{
    // Retention kinds; the protection kinds live in OciCleanup.Pins.Protection.ReasonKind.
    public const string Grace = "grace";
    public const string KeepTag = "keep-tag";
    public const string KeepLast = "keep-last";
    public const string KeepWithin = "keep-within";
    public const string RemoveTag = "remove-tag";
    public const string Retention = "retention";
    public const string Untagged = "untagged";

    public bool IsDelete => Kind is RemoveTag or Retention or Untagged;
}
