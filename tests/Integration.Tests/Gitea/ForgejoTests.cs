namespace OciCleanup.Integration.Tests.Gitea;

/// <summary>Forgejo (SPEC §11): no per-package version list, `Size` spelled so in files, tokens only on writes.</summary>
public sealed class ForgejoTests
{
    [Fact]
    public async Task Run_ForgejoWithoutToken_InventoriesThroughTheOwnerList()
    {
        await using var forgejo = new GiteaTestServer("forgejo-token", forgejo: true);
        await forgejo.StartAsync();
        for (var i = 1; i <= 60; i++)
        {
            forgejo.Push("team", "site", $"1.{i}", StoredManifest.Image($"site {i}"), DateTimeOffset.UtcNow.AddDays(-i));
        }

        using var folder = new TempFolder();
        var config = ConfigFile.Write(
            folder, $"name: codeberg-like, kind: forgejo, url: '{forgejo.Url}', owners: [team]", "default: {keepLast: 5, keepWithinDays: 0}", report: null, pins: null);

        var report = await ConfigFile.RunReportAsync(config);

        report.Summary.GetProperty("versions").GetInt32().ShouldBe(60);
        report.Summary.GetProperty("keep").GetInt32().ShouldBe(5);
        forgejo.Requests.ShouldNotContain(r => r.Path.StartsWith("/api/v1/packages/team/container/", StringComparison.Ordinal));
        forgejo.Requests.Where(r => r.Path.StartsWith("/api/v1/", StringComparison.Ordinal)).ShouldAllBe(r => r.Authorization == null);
    }
}
