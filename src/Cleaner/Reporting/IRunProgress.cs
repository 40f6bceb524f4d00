namespace OciCleanup.Cleaner.Reporting;

/// <summary>
/// What a long run tells a person watching it, step by step: registries and packages listed, manifests
/// described, clusters and pins scanned. <see cref="RunOptions.Progress"/> carries it into the run.
/// </summary>
internal interface IRunProgress
{
    /// <summary>A registry's inventory finished: how many packages and versions, or why it failed.</summary>
    void RegistryListed(string registry, int packages, int versions, string? error);

    /// <summary>A reference source (pins file, cluster) was read: how many references, or why it failed.</summary>
    void SourceCollected(string source, int references, string? error);
}
