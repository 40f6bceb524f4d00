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
    /// <summary>Every host name workloads may use for this registry, lower case, with port when not default.</summary>
    public ImmutableArray<string> Hosts =>
        [.. new[] { Url.IsDefaultPort ? Url.Host : $"{Url.Host}:{Url.Port}" }.Concat(HostAliases).Select(h => h.ToLowerInvariant()).Distinct()];
}
