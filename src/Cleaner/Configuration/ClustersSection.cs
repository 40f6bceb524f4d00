namespace OciCleanup.Cleaner.Configuration;

/// <summary>One entry of the <c>clusters</c> list.</summary>
internal static class ClustersSection
{
    public static ClusterConfig Read(YamlMapping c, Func<string, string> resolve)
    {
        var cluster = new ClusterConfig(c.RequiredString("name"), c.String("kubeconfig") is { } k ? resolve(k) : null, c.String("context"))
        {
            Concurrency = c.Int("concurrency", ClusterConfig.DefaultConcurrency, 1, ClusterConfig.MaxConcurrency),
        };
        c.RejectUnknownKeys();
        return cluster;
    }
}
