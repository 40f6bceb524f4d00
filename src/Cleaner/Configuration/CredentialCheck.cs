namespace OciCleanup.Cleaner.Configuration;

/// <summary>
/// Every registry credential that cannot be read, as a configuration error naming the file, the registry
/// and the key. A token file that does not exist is a configuration that cannot work: <c>config check</c>
/// says so, and a run stops before any request with exit 2 instead of failing its registry later.
/// </summary>
internal static class CredentialCheck
{
    public static IEnumerable<string> Problems(CleanerConfig config) =>
        from registry in config.Registries
        from credential in new[] { (Key: registry.Token?.File is null ? "tokenEnv" : "tokenFile", Source: registry.Token), (Key: "basicAuthFile", Source: registry.BasicAuth) }
        let problem = credential.Source?.Problem()
        where problem is not null
        select $"{config.Path}: registry {registry.Name}: {credential.Key}: {problem}";
}
