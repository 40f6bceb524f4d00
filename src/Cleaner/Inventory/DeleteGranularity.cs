namespace OciCleanup.Cleaner.Inventory;

/// <summary>What one DELETE of a registry removes.</summary>
internal enum DeleteGranularity
{
    /// <summary>One version: a tag goes, the manifest and its other tags stay (Gitea's packages API).</summary>
    Version,

    /// <summary>
    /// A whole manifest with every tag on it (a distribution registry by digest, GitHub by version id):
    /// a tag can only go when no kept tag shares its manifest.
    /// </summary>
    Manifest,
}
