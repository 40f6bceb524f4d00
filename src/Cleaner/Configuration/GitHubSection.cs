using System.Collections.Immutable;

namespace OciCleanup.Cleaner.Configuration;

/// <summary>
/// A <c>kind: github</c> registry (docs/configuration.md, "ghcr.io (`kind: github`)"): the packages REST API at <c>url</c>, manifests at
/// <c>registryUrl</c>, a token, owners, and package globs. The defaults are GitHub's public hosts.
/// </summary>
internal static class GitHubSection
{
    public const string DefaultApiUrl = "https://api.github.com";
    public const string DefaultRegistryUrl = "https://ghcr.io";
    // The host of the default registry URL, the one image references name.
    public static readonly string DefaultHost = new Uri(DefaultRegistryUrl).Host;

    public static RegistryConfig Read(YamlMapping r, string name, string kind, Func<string, string> resolve)
    {
        var url = HttpUrl(r, "url", DefaultApiUrl);
        var registryUrl = HttpUrl(r, "registryUrl", DefaultRegistryUrl);
        var tokenFile = r.String("tokenFile");
        var tokenEnv = r.String("tokenEnv");
        if (tokenFile is not null && tokenEnv is not null)
        {
            throw r.Error(r.Node("tokenEnv")!, r.Child("tokenEnv"), "give tokenFile or tokenEnv, not both");
        }

        if (tokenFile is null && tokenEnv is null)
        {
            throw new ConfigException(r.File, r.Node("name")!.Start.Line, r.Child("tokenFile"), "a github registry needs a token (tokenFile or tokenEnv): a classic PAT with read:packages");
        }

        var token = tokenFile is not null ? new CredentialSource(resolve(tokenFile), null) : new CredentialSource(null, tokenEnv);
        var owners = r.Strings("owners", []).ToImmutableArray();
        if (owners.IsEmpty)
        {
            throw new ConfigException(r.File, r.Node("name")!.Start.Line, r.Child("owners"), "a github registry needs at least one owner (a user or an organisation)");
        }

        var aliases = r.Strings("hostAliases", [DefaultHost]).Select(h => h.ToLowerInvariant()).ToImmutableArray();
        var concurrency = r.Int("concurrency", RegistryConfig.DefaultConcurrency, 1, RegistryConfig.MaxConcurrency);
        var packages = r.Mapping("packages");
        var include = packages?.Strings("include", []).ToImmutableArray() ?? [];
        var exclude = packages?.Strings("exclude", []).ToImmutableArray() ?? [];
        packages?.RejectUnknownKeys();
        r.RejectUnknownKeys();
        return new RegistryConfig(name, kind, url, token, null, owners, [Pins.PinsFiles.PackageTypes.Container], aliases, include, exclude)
        {
            Concurrency = concurrency,
            RegistryUrl = registryUrl,
        };
    }

    private static Uri HttpUrl(YamlMapping r, string key, string fallback)
    {
        var text = r.String(key) ?? fallback;
        return Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw r.Error(r.Node(key)!, r.Child(key), $"'{text}' is not an http(s) URL");
    }
}
