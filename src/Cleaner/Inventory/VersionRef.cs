using System.Text.Json.Serialization;

namespace OciCleanup.Cleaner.Inventory;

/// <summary>
/// One version as the report, a plan, an audit line and the run history name it: registry, owner,
/// type, package, version and manifest digest. The report's decisions, the plan's entries and the audit
/// lines derive from it, so the identity is declared once and its fields stay flat in their JSON.
/// System.Text.Json writes a derived record's own members before its base's: the entries give theirs
/// <c>JsonPropertyOrder(1)</c> so that the identity comes first, as the report, plan and audit contracts have it.
/// </summary>
internal record VersionRef(
    [property: JsonPropertyName("registry")] string Registry,
    [property: JsonPropertyName("owner")] string? Owner,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("package")] string Package,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("digest")] string? Digest)
{
    /// <summary>What a record read from JSON starts from before its fields are set.</summary>
    protected static readonly VersionRef Unread = new("", null, "", "", "", null);

    [JsonIgnore]
    public PackageKey PackageKey => new(Registry, Owner, Type, Package);

    [JsonIgnore]
    public VersionKey Key => new(Registry, Owner, Type, Package, Version);

    /// <summary><c>registry:owner/type/name==version</c>, the form of logs, messages and keys.</summary>
    public sealed override string ToString() => Key.ToString();
}
