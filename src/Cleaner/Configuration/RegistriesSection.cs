using System.Collections.Immutable;

namespace OciCleanup.Cleaner.Configuration;

/// <summary>The <c>registries</c> list: one <see cref="RegistryConfig"/> per entry, names unique.</summary>
internal static class RegistriesSection
{
    public static ImmutableArray<RegistryConfig> Read(YamlMapping root, Func<string, string> resolve)
    {
        var registries = root.Mappings("registries").Select(r => ReadRegistry(r, resolve)).ToImmutableArray();
        var duplicate = registries.GroupBy(r => r.Name).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? registries
            : throw root.Error(root.Node("registries")!, "registries", $"two registries are named '{duplicate.Key}'");
    }

    private static RegistryConfig ReadRegistry(YamlMapping r, Func<string, string> resolve)
    {
        var name = r.RequiredString("name");
        var kindName = r.RequiredString("kind");
        var kind = Inventory.RegistryKinds.Find(kindName)
            ?? throw r.Error(r.Node("kind")!, r.Child("kind"), $"must be {Alternatives(Inventory.RegistryKinds.All.Select(k => k.Name))}, not '{kindName}'");
        if (kind.ReadConfig is { } read)
        {
            return read(r, name, kind.Name, resolve);
        }

        var urlText = r.RequiredString("url");
        if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw r.Error(r.Node("url")!, r.Child("url"), $"'{urlText}' is not an http(s) URL");
        }

        var tokenFile = r.String("tokenFile");
        var tokenEnv = r.String("tokenEnv");
        if (tokenFile is not null && tokenEnv is not null)
        {
            throw r.Error(r.Node("tokenEnv")!, r.Child("tokenEnv"), "give tokenFile or tokenEnv, not both");
        }

        var token = tokenFile is not null ? new CredentialSource(resolve(tokenFile), null) : tokenEnv is not null ? new CredentialSource(null, tokenEnv) : null;
        var basicFile = r.String("basicAuthFile");
        var basic = basicFile is not null ? new CredentialSource(resolve(basicFile), null) : null;
        var owners = r.Strings("owners", []).ToImmutableArray();
        if (kind.Traits.NeedsOwners && owners.IsEmpty)
        {
            throw new ConfigException(r.File, r.Node("name")!.Start.Line, r.Child("owners"), $"a {kind.Name} registry needs at least one owner");
        }

        var types = r.Strings("types", RegistryConfig.DefaultTypes).ToImmutableArray();
        foreach (var type in types.Where(t => !Pins.PinsFiles.PackageTypes.Known.Contains(t)))
        {
            throw r.Error(r.Node("types")!, r.Child("types"), $"unknown package type '{type}'");
        }

        var aliases = r.Strings("hostAliases", []).ToImmutableArray();
        var concurrency = r.Int("concurrency", RegistryConfig.DefaultConcurrency, 1, RegistryConfig.MaxConcurrency);
        var authRealms = r.Strings("authRealms", []).Select(h => h.ToLowerInvariant()).ToImmutableArray();
        foreach (var realm in authRealms.Where(h => !IsHostAndPort(h)))
        {
            throw r.Error(r.Node("authRealms")!, r.Child("authRealms"), $"'{realm}' is not a host name or host:port (a token service such as auth.docker.io)");
        }

        var (include, exclude, names) = RepositoriesSetting.Read(r);
        r.RejectUnknownKeys();
        return new RegistryConfig(name, kind.Name, url, token, basic, owners, types, aliases, include, exclude) { Concurrency = concurrency, AuthRealms = authRealms, RepositoryNames = names };
    }

    // "a or b", "a, b or c": the kinds as a sentence names them.
    private static string Alternatives(IEnumerable<string> names) =>
        names.ToList() is var all && all.Count > 1 ? $"{string.Join(", ", all[..^1])} or {all[^1]}" : string.Join("", all);

    /// <summary>A host name or IP address with an optional port, nothing else (no scheme, path or user).</summary>
    private static bool IsHostAndPort(string text) =>
        Uri.TryCreate("https://" + text + "/", UriKind.Absolute, out var uri)
        && uri.UserInfo.Length == 0 && uri.AbsolutePath == "/" && uri.Query.Length == 0
        && Uri.CheckHostName(uri.IdnHost.Trim('[', ']')) != UriHostNameType.Unknown
        && string.Equals(uri.IsDefaultPort && !text.EndsWith(":443", StringComparison.Ordinal) ? uri.Host : $"{uri.Host}:{uri.Port}", text, StringComparison.Ordinal);
}
