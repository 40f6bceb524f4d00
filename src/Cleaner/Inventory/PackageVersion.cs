using System.Collections.Immutable;
using OciCleanup.Pins;

namespace OciCleanup.Cleaner.Inventory;

/// <summary>
/// One version of one package in one registry. For containers a version is a tag or, for a
/// manifest pushed by digest, <c>sha256:…</c>. Keyed on (registry, owner, type, name, version,
/// digest) — never on the registry's id, which changes when a tag is re-pushed.
/// </summary>
internal sealed record PackageVersion(
    string Registry,
    string? Owner,
    string Type,
    string Name,
    string Version,
    Digest? Digest,
    DateTimeOffset CreatedAt,
    long? Id = null,
    string? MediaType = null,
    ImmutableArray<Digest> Children = default)
{
    public ImmutableArray<Digest> IndexChildren => Children.IsDefault ? [] : Children;

    /// <summary>True when <see cref="CreatedAt"/> is when this program first saw the version, the registry giving no plausible time.</summary>
    public bool CreatedIsFirstSeen { get; init; }

    /// <summary>False for the <c>sha256:…</c> versions a push by digest creates.</summary>
    public bool IsTagged => !Pins.Digest.IsDigest(Version);

    public PackageKey Package => new(Registry, Owner, Type, Name);

    public VersionKey Key => new(Registry, Owner, Type, Name, Version);

    /// <summary>How the report, a plan and the audit log name this version.</summary>
    public VersionRef Ref => new(Registry, Owner, Type, Name, Version, Digest?.ToString());

    public override string ToString() => Key.ToString();
}

/// <summary>A package: all versions of one name in one owner of one registry.</summary>
internal readonly record struct PackageKey(string Registry, string? Owner, string Type, string Name)
{
    public override string ToString() => $"{Registry}:{(Owner is null ? "" : Owner + "/")}{Type}/{Name}";
}

/// <summary>One version's identity, independent of the registry's internal id.</summary>
internal readonly record struct VersionKey(string Registry, string? Owner, string Type, string Name, string Version)
{
    public PackageKey Package => new(Registry, Owner, Type, Name);

    /// <summary><c>registry:owner/type/name==version</c>: the one place this form is written.</summary>
    public override string ToString() => $"{Package}=={Version}";
}
