using OciCleanup.Integration.Tests.Support;

namespace OciCleanup.Integration.Tests.Oci;

/// <summary>Real images and multi-arch indexes pushed to the real distribution registry, with what retention should make of them.</summary>
internal sealed class OciFleet(DistributionRegistry registry, TempFolder folder)
{
    public static readonly string[] Kept = ["v6", "multi", "amd64-only", "p1", "p1-alias", "staging", "staging-latest"];
    public static readonly string[] Deleted = ["v1", "v2", "v3", "v4", "v5", "multi-old"];

    public string V6SignatureTag { get; private set; } = "";

    public async Task PushAsync()
    {
        using var push = new OciPusher(registry.Url);
        var now = DateTimeOffset.UtcNow;
        for (var i = 1; i <= 5; i++)
        {
            await push.PushImageAsync("team/app", $"v{i}", $"app v{i}", now.AddDays(-101 + i));
        }

        var v6 = await push.PushImageAsync("team/app", "v6", "app v6", now.AddDays(-1));
        V6SignatureTag = $"sha256-{v6.Digest["sha256:".Length..]}.sig";
        await push.PushImageAsync("team/app", V6SignatureTag, "signature of v6", now.AddDays(-100));
        var (_, children) = await push.PushIndexAsync("team/app", "multi", "multi", now.AddDays(-50), "amd64", "arm64");
        await push.TagAsync("team/app", "amd64-only", children[0].Manifest);
        await push.PushIndexAsync("team/app", "multi-old", "multi-old", now.AddDays(-90), "amd64", "arm64");
        var p1 = await push.PushImageAsync("team/app", "p1", "pinned by digest", now.AddDays(-80));
        await push.TagAsync("team/app", "p1-alias", p1.Manifest);
        var staging = await push.PushImageAsync("team/app", "staging", "staging build", now.AddDays(-70));
        await push.TagAsync("team/app", "staging-latest", staging.Manifest);
        await push.PushImageAsync("team/other", "x1", "other x1", now.AddDays(-60));
        await push.PushImageAsync("excluded/thing", "old", "excluded", now.AddDays(-300));

        folder.Write("pins.txt", $"""
            container/team/app==multi
            container/team/app@{p1.Digest}
            container/team/app==staging
            """);
    }

    public string Config(Uri? url = null, int concurrency = 8, string repositories = "{include: ['team/*'], exclude: ['team/base-*']}") => folder.Write("config.yaml", $"""
        registries:
          - name: lan
            kind: oci
            url: {url ?? registry.Url}
            concurrency: {concurrency}
            repositories: {repositories}
        pins:
          files: [pins.txt]
        retention:
          default:
            keepLast: 1
            keepWithinDays: 14
            minAgeHours: 0
        safety:
          maxDeleteFraction: 1
          stateDir: state
        report:
          auditLog: audit.jsonl
        """);
}
