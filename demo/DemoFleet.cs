using OciCleanup.TestServers;

namespace OciCleanup.Demo;

/// <summary>
/// The fleet of seed 003: owner <c>oleks</c>, package <c>cms-plugins</c>, one CI build a day
/// pushing <c>0.1.N</c>, <c>staging</c> and <c>staging-latest</c>; <c>production</c> was last
/// promoted three weeks ago (build 20, also tagged <c>0.1.20</c>; build 21 rebuilt it unchanged, the same
/// layers under another manifest). Without protection, retention would reap <c>production</c>. The
/// cluster <c>armer</c> has both cms-plugins HelmReleases suspended (Phase 0, no pods) and the
/// ImagePolicies that track the floating tags.
/// </summary>
internal static class DemoFleet
{
    public const string Owner = "oleks";
    public const string Image = "cms-plugins";

    /// <summary>The suspended HelmReleases and ImagePolicies of seed 003, with the digest Flux resolved staging to.</summary>
    public static void Populate(KubernetesTestServer cluster, string fleetFolder = "fleet")
    {
        var yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, fleetFolder, "seed-003-flux.yaml"));
        cluster.Apply(yaml.Replace("${STAGING_DIGEST}", StoredManifest.Image("cms-plugins build 40").Digest, StringComparison.Ordinal));
    }

    public static void Populate(GiteaTestServer gitea, DateTimeOffset now)
    {
        for (var build = 1; build <= 40; build++)
        {
            var pushedAt = now.AddDays(-(41 - build)).AddHours(-1);
            // Build 21 was a rebuild of 20 with no change: the same layers under another manifest.
            var manifest = build == 21 ? StoredManifest.Rebuild("cms-plugins build 20", pushedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture)) : StoredManifest.Image($"cms-plugins build {build}");
            gitea.Push(Owner, Image, $"0.1.{build}", manifest, pushedAt);
            gitea.Push(Owner, Image, "staging", manifest, pushedAt);
            gitea.Push(Owner, Image, "staging-latest", manifest, pushedAt);
            if (build == 20)
            {
                gitea.Push(Owner, Image, "production", manifest, pushedAt.AddMinutes(5));
            }
        }
    }
}
