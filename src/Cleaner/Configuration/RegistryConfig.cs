using System.Collections.Immutable;

namespace OciCleanup.Cleaner.Configuration;

/// <summary>
/// One registry to inventory. Credentials are named here, read only when used. <see cref="Kind"/> is
/// the canonical name of a kind in <c>Inventory/RegistryKinds.cs</c>, which says what it can do.
/// </summary>
internal sealed record RegistryConfig(
    string Name,
    string Kind,
    Uri Url,
    CredentialSource? Token,
    CredentialSource? BasicAuth,
    ImmutableArray<string> Owners,
    ImmutableArray<string> Types,
    ImmutableArray<string> HostAliases,
    ImmutableArray<string> IncludeRepositories,
    ImmutableArray<string> ExcludeRepositories)
{
    /// <summary>Requests in flight to one registry unless <c>concurrency</c> says otherwise.</summary>
    public const int DefaultConcurrency = 8;

    /// <summary>The most <c>concurrency</c> may be: beyond it a registry sees a burst, not a run.</summary>
    public const int MaxConcurrency = 64;

    /// <summary>Package types inventoried unless <c>types</c> says otherwise.</summary>
    public static readonly IReadOnlyList<string> DefaultTypes = [Pins.PinsFiles.PackageTypes.Container];

    /// <summary>Requests in flight to this registry: list pages, HEADs and manifest GETs together.</summary>
    public int Concurrency { get; init; } = DefaultConcurrency;

    /// <summary>
    /// Token services on another host that may receive this registry's credentials (<c>host</c> or
    /// <c>host:port</c>, lower case); by default none: only the registry's own scheme://host:port (ARCHITECTURE.md, "Safety invariants and where each is enforced").
    /// </summary>
    public ImmutableArray<string> AuthRealms { get; init; } = [];

    /// <summary>
    /// OCI: the repositories to list, by name, with no <c>/v2/_catalog</c> call (registries that hide the
    /// catalog); empty: every repository the catalog lists, filtered by include and exclude.
    /// </summary>
    public ImmutableArray<string> RepositoryNames { get; init; } = [];

    /// <summary>The run's <c>stateDir</c>, where a kind keeps what it must not read twice (GitHub: manifest bodies); null in tests.</summary>
    public string? StateDir { get; init; }

    /// <summary>Where manifests are read when that is not <see cref="Url"/> (GitHub: the API is api.github.com, manifests are on ghcr.io).</summary>
    public Uri? RegistryUrl { get; init; }

    /// <summary>Every host name workloads may use for this registry, lower case, with port when not default.</summary>
    public ImmutableArray<string> Hosts =>
        [.. new[] { RegistryUrl ?? Url }.Select(u => u.IsDefaultPort ? u.Host : $"{u.Host}:{u.Port}").Concat(HostAliases).Select(h => h.ToLowerInvariant()).Distinct()];
}
