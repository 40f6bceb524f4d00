using System.Security.Cryptography;
using System.Text;
using OciCleanup.TestServers.GitHub;

namespace OciCleanup.Demo;

/// <summary>
/// The fleet of seed 004: every owned image builds on GitHub Actions and pushes
/// <c>ghcr.io/viktorbarzin/NAME:SHA8</c> and <c>:latest</c> once a day; Woodpecker deploys with
/// <c>kubectl set image</c>, so each Deployment runs one sha and its old ReplicaSets name the shas
/// before; CronJobs track <c>latest</c>. <c>delete-package-versions</c> was turned off a few weeks ago,
/// so versions have piled up — and where it matched digests instead of tags it deleted the indexes of
/// android-emulator's first builds and left their platform children behind, untagged and orphaned.
/// beadboard's first build is public and was pulled more than 5,000 times: GitHub refuses to delete it.
/// </summary>
internal static class GhcrFleet
{
    public const string Owner = "viktorbarzin";

    public static readonly GhcrApp[] Apps =
    [
        new("tripit", Public: false, Builds: 30, DeployedBuild: 30),
        new("f1-stream", Public: false, Builds: 24, DeployedBuild: 18),
        new("beadboard", Public: true, Builds: 36, DeployedBuild: 36, Signed: true),
        new("claude-agent-service", Public: true, Builds: 20, DeployedBuild: 20, History: 2),
        new("fire-planner", Public: false, Builds: 15, CronOnLatest: true),
        new("payslip-ingest", Public: false, Builds: 12, CronOnLatest: true),
        new("chrome-service-novnc", Public: true, Builds: 14, DeployedBuild: 13, Architectures: ["amd64", "arm64"]),
        new("infra-ci", Public: false, Builds: 16, CronOnLatest: true, Architectures: ["amd64", "arm64"]),
        new("android-emulator", Public: true, Builds: 18, DeployedBuild: 18, History: 1, Architectures: ["amd64", "arm64"]),
    ];

    /// <summary>The commit's short sha CI tags a build with (deterministic per app and build).</summary>
    public static string Sha8(string app, int build) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{app} commit {build}")))[..8];

    /// <summary>When CI pushed a build: one a day, the newest an hour ago.</summary>
    public static DateTimeOffset PushedAt(GhcrApp app, int build, DateTimeOffset now) => now.AddDays(-(app.Builds - build)).AddHours(-1);

    public static void Populate(GitHubState github, DateTimeOffset now)
    {
        github.AddUser(Owner);
        foreach (var app in Apps)
        {
            github.AddPackage(Owner, app.Name, app.Public);
            for (var build = 1; build <= app.Builds; build++)
            {
                var at = PushedAt(app, build, now);
                string[] tags = [Sha8(app.Name, build), "latest"];
                var version = app.Architectures is { } architectures
                    ? github.PushIndex(Owner, app.Name, $"build {build}", at, tags, architectures)
                    : github.PushImage(Owner, app.Name, $"build {build}", at, tags);
                if (app.Signed)
                {
                    github.PushSignature(Owner, app.Name, version.Digest, at.AddMinutes(2));
                }

                if (app.Name == "android-emulator" && build <= 4)
                {
                    version.DeletedAt = now.AddDays(-40); // the old pruner's work: the index gone, its children left
                }

                if (app.Name == "beadboard" && build == 1)
                {
                    version.SetDownloads(6200);
                }
            }
        }
    }
}
