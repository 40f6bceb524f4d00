using System.Text.RegularExpressions;
using OciCleanup.Pins;

namespace OciCleanup.Cleaner.Tests.Support;

/// <summary>Test data builders.</summary>
internal static class Some
{
    public static readonly DateTimeOffset Now = new(2026, 6, 2, 2, 0, 0, TimeSpan.Zero);

    public static Digest Digest(string seed) => Pins.Digest.Sha256Of(System.Text.Encoding.UTF8.GetBytes(seed));

    public static PackageVersion Version(string version, double daysAgo, string name = "cms-plugins", string? digestSeed = null, string owner = "oleks", string registry = "main") =>
        new(registry, owner, "container", name, version,
            Pins.Digest.TryParse(version, out var d) ? d : Digest(digestSeed ?? name + version), Now.AddDays(-daysAgo));

    public static RetentionPolicy Policy(int keepLast = 10, int keepWithinDays = 14, string[]? keepTags = null, string[]? removeTags = null, int untaggedAfterDays = 2, int minAgeHours = 6) =>
        new(keepLast, keepWithinDays,
            [.. (keepTags ?? ["^latest$"]).Select(p => new Regex(p))],
            [.. (removeTags ?? []).Select(p => new Regex(p))],
            untaggedAfterDays, minAgeHours);

    public static RetentionConfig Retention(RetentionPolicy? policy = null, params PackageRetention[] packages) =>
        new(policy ?? Policy(), [.. packages]);

    public static RegistryConfig Gitea(string name = "main", string url = "https://git.example.org", params string[] aliases) =>
        new(name, RegistryKind.Gitea, new Uri(url), null, null, ["oleks"], ["container"], [.. aliases], [], []);

    public static RegistryConfig Oci(string name = "lan", string url = "http://registry.lan:5000") =>
        new(name, RegistryKind.Oci, new Uri(url), null, null, [], ["container"], [], [], []);

    /// <summary>
    /// config.yaml for the registry <see cref="Oci"/> names (the tests hand the registry in, nothing is contacted) with its
    /// state in <paramref name="folder"/>; with <paramref name="keepLast"/>, a retention that keeps only that many, at any age.
    /// </summary>
    public static string ConfigFile(TempFolder folder, int? keepLast = null)
    {
        var retention = keepLast is { } n ? $"retention:\n  default:\n    keepLast: {n}\n    keepWithinDays: 0\n    minAgeHours: 0\n" : "";
        return folder.Write("config.yaml", $"registries:\n  - name: lan\n    kind: oci\n    url: http://127.0.0.1:5000\n{retention}safety:\n  stateDir: {folder.Path}/state\n");
    }

    public static ImmutableArray<T> Array<T>(params T[] items) => [.. items];
}
