using System.Collections.Immutable;

namespace OciCleanup.Cleaner.Configuration;

internal enum RegistryKind
{
    Gitea,
    Oci,
}

/// <summary>One registry to inventory. Credentials are named here, read only when used.</summary>
internal sealed record RegistryConfig(
    string Name,
    RegistryKind Kind,
    Uri Url,
    CredentialSource? Token,
    CredentialSource? BasicAuth,
    ImmutableArray<string> Owners,
    ImmutableArray<string> Types,
    ImmutableArray<string> HostAliases,
    ImmutableArray<string> IncludeRepositories,
    ImmutableArray<string> ExcludeRepositories)
{
    /// <summary>Requests in flight to one registry unless <c>concurrency</c> says otherwise (SPEC §3).</summary>
    public const int DefaultConcurrency = 8;

    /// <summary>The most <c>concurrency</c> may be: beyond it a registry sees a burst, not a run.</summary>
    public const int MaxConcurrency = 64;

    /// <summary>Package types inventoried unless <c>types</c> says otherwise.</summary>
    public static readonly IReadOnlyList<string> DefaultTypes = ["container"];

    /// <summary>Requests in flight to this registry: list pages, HEADs and manifest GETs together.</summary>
    public int Concurrency { get; init; } = DefaultConcurrency;

    /// <summary>
    /// Token services on another host that may receive this registry's credentials (<c>host</c> or
    /// <c>host:port</c>, lower case); by default none: only the registry's own scheme://host:port (SPEC §7).
    /// </summary>
    public ImmutableArray<string> AuthRealms { get; init; } = [];

    /// <summary>Every host name workloads may use for this registry, lower case, with port when not default.</summary>
    public ImmutableArray<string> Hosts =>
        [.. new[] { Url.IsDefaultPort ? Url.Host : $"{Url.Host}:{Url.Port}" }.Concat(HostAliases).Select(h => h.ToLowerInvariant()).Distinct()];
}
