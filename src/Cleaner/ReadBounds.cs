using System.Globalization;

namespace OciCleanup.Cleaner;

/// <summary>
/// Every bound on what a server can make this program read, in one place. A server that answers
/// with a huge, endless or trickled body, or a list that never ends, fails its source with a message
/// that names the bound, instead of growing the process or hanging the run.
/// </summary>
internal static class ReadBounds
{
    /// <summary>The distribution registry refuses to store a manifest over 4 MiB, so none can be served honestly.</summary>
    public const long ManifestBytes = 4L * 1024 * 1024;

    /// <summary>
    /// Any other registry response: a page of 1,000 catalog names or tags, or of 50 Gitea versions, is
    /// tens of kilobytes; an image config is kilobytes. 32 MiB leaves two orders of magnitude to spare.
    /// </summary>
    public const long RegistryResponseBytes = 32L * 1024 * 1024;

    /// <summary>
    /// A Kubernetes response: a page of 250 objects. Pods with managed fields run to 10–30 KiB each,
    /// HelmReleases with inline values more; 64 MiB allows 256 KiB per object and stays within the
    /// CronJob's memory budget.
    /// </summary>
    public const long ClusterResponseBytes = 64L * 1024 * 1024;

    /// <summary>Tags read per repository: more is no registry we can clean tag by tag (one HEAD each).</summary>
    public const int MaxTagsPerRepository = 100_000;

    /// <summary>How long one response body may take after its headers (as long as HttpClient gives the headers).</summary>
    public static TimeSpan BodyTimeout { get; } = ForTests("OCI_CLEANUP_TEST_BODY_TIMEOUT_SECONDS") ?? TimeSpan.FromSeconds(100);

    /// <summary>How long one Kubernetes list may take, all its pages together.</summary>
    public static TimeSpan ClusterListTimeout { get; } = ForTests("OCI_CLEANUP_TEST_LIST_TIMEOUT_SECONDS") ?? Pins.Kubernetes.PagedList.DefaultTimeout;

    // Only tests shorten these (a trickling server must fail in seconds there, not minutes); not configuration.
    private static TimeSpan? ForTests(string variable) =>
        double.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
