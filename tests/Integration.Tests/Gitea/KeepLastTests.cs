using OciCleanup.Integration.Tests.Support;
using OciCleanup.TestServers;

namespace OciCleanup.Integration.Tests.Gitea;

/// <summary>
/// SPEC §6: keepLast counts builds. cosign signatures and attestations (<c>sha256-&lt;hex&gt;.sig/.att</c>)
/// and tags matched by keepTags (<c>latest</c>) take no slot, so keepLast 3 keeps three signed builds.
/// </summary>
public sealed class KeepLastTests : IAsyncLifetime
{
    private const string Token = "keep-last-token";
    private readonly GiteaTestServer _gitea = new(Token);
    private readonly TempFolder _folder = new();

    public async Task InitializeAsync()
    {
        await _gitea.StartAsync();
        var old = DateTimeOffset.UtcNow.AddDays(-100);
        for (var i = 1; i <= 5; i++)
        {
            var build = StoredManifest.Image($"build {i}");
            _gitea.Push("oleks", "app", $"v{i}", build, old.AddDays(i));
            var hex = build.Digest["sha256:".Length..];
            _gitea.Push("oleks", "app", $"sha256-{hex}.sig", StoredManifest.Image($"signature {i}"), old.AddDays(i).AddMinutes(1));
            _gitea.Push("oleks", "app", $"sha256-{hex}.att", StoredManifest.Image($"attestation {i}"), old.AddDays(i).AddMinutes(2));
            if (i == 5)
            {
                _gitea.Push("oleks", "app", "latest", build, old.AddDays(i).AddMinutes(3));
            }
        }

        _folder.Write("token", Token);
    }

    public async Task DisposeAsync()
    {
        await _gitea.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task DryRun_KeepLastThree_KeepsThreeSignedBuildsNotOneBuildAndItsArtifacts()
    {
        var config = _folder.Write("config.yaml", $"""
            registries:
              - name: main
                kind: gitea
                url: {_gitea.Url}
                tokenFile: token
                owners: [oleks]
            retention:
              default:
                keepLast: 3
                keepWithinDays: 0
                minAgeHours: 0
            safety:
              maxDeleteFraction: 1
              stateDir: state
            """);

        var result = await CleanerProcess.RunAsync("run", "--config", config, "--report", "json");

        result.ExitCode.ShouldBe(0, result.Stderr);
        var report = new ReportJson(result.Stdout);
        var kept = report.Decisions.Where(d => d.GetProperty("action").GetString() == "keep").Select(d => d.GetProperty("version").GetString()!).ToList();
        kept.Where(v => v.StartsWith('v')).ShouldBe(["v5", "v4", "v3"], ignoreOrder: true);
        kept.Count(v => v.StartsWith("sha256-", StringComparison.Ordinal)).ShouldBe(6, "each kept build keeps its signature and attestation");
        report.ReasonKinds("app", "latest")[0].ShouldBe("keep-tag");
        report.ReasonKinds("app", "v3").ShouldContain("keep-last");
        report.Action("app", "v2").ShouldBe("delete");
    }
}
