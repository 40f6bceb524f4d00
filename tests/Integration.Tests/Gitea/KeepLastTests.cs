namespace OciCleanup.Integration.Tests.Gitea;

/// <summary>
/// SPEC §6: keepLast counts builds. cosign signatures and attestations (<c>sha256-&lt;hex&gt;.sig/.att</c>)
/// and tags matched by keepTags (<c>latest</c>) take no slot, so keepLast 3 keeps three signed builds;
/// the tags of one build (<c>0.1.40</c>, <c>staging</c>, <c>staging-latest</c>) take one slot; and a tag
/// whose manifest a kept tag holds stays (<c>same-manifest</c>) unless removeTags names it.
/// </summary>
public sealed class KeepLastTests : IAsyncLifetime
{
    private readonly GiteaFleet _fleet = new("keep-last-token");

    public async Task InitializeAsync()
    {
        await _fleet.StartAsync(pins: "container/cms==production\n");
        var old = DateTimeOffset.UtcNow.AddDays(-100);
        for (var i = 1; i <= 5; i++)
        {
            var build = StoredManifest.Image($"build {i}");
            _fleet.Gitea.Push("oleks", "app", $"v{i}", build, old.AddDays(i));
            var hex = build.Digest["sha256:".Length..];
            _fleet.Gitea.Push("oleks", "app", $"sha256-{hex}.sig", StoredManifest.Image($"signature {i}"), old.AddDays(i).AddMinutes(1));
            _fleet.Gitea.Push("oleks", "app", $"sha256-{hex}.att", StoredManifest.Image($"attestation {i}"), old.AddDays(i).AddMinutes(2));
            if (i == 5)
            {
                _fleet.Gitea.Push("oleks", "app", "latest", build, old.AddDays(i).AddMinutes(3));
            }
        }

        // One build, three tags: the release, the floating tag and its audit twin.
        var web = old.AddDays(10);
        _fleet.Gitea.Push("oleks", "web", "0.1.37", StoredManifest.Image("web 37"), web);
        _fleet.Gitea.Push("oleks", "web", "0.1.38", StoredManifest.Image("web 38"), web.AddDays(1));
        _fleet.Gitea.Push("oleks", "web", "0.1.39", StoredManifest.Image("web 39"), web.AddDays(2));
        var build40 = StoredManifest.Image("web 40");
        _fleet.Gitea.Push("oleks", "web", "0.1.40", build40, web.AddDays(3));
        _fleet.Gitea.Push("oleks", "web", "staging", build40, web.AddDays(3).AddMinutes(1));
        _fleet.Gitea.Push("oleks", "web", "staging-latest", build40, web.AddDays(3).AddMinutes(2));

        // production is pinned; 0.1.20 and production-latest are the same manifest, older than keepLast reaches.
        var build20 = StoredManifest.Image("cms 20");
        _fleet.Gitea.Push("oleks", "cms", "0.1.20", build20, web);
        _fleet.Gitea.Push("oleks", "cms", "production", build20, web.AddMinutes(1));
        _fleet.Gitea.Push("oleks", "cms", "production-latest", build20, web.AddMinutes(2));
        for (var i = 21; i <= 24; i++)
        {
            _fleet.Gitea.Push("oleks", "cms", $"0.1.{i}", StoredManifest.Image($"cms {i}"), web.AddDays(i - 20));
        }
    }

    public Task DisposeAsync() => _fleet.DisposeAsync().AsTask();

    private Task<ReportJson> DryRunAsync(string removeTags = "[]") =>
        ConfigFile.RunReportAsync(_fleet.Config(ConfigFile.KeepLast(3, $", removeTags: {removeTags}"), report: null));

    [Fact]
    public async Task DryRun_KeepLastThree_ThreeTagsOfOneBuildTakeOneSlot()
    {
        var report = await DryRunAsync();

        foreach (var tag in new[] { "0.1.40", "staging", "staging-latest" })
        {
            report.Decision("web", tag).GetProperty("reasons")[0].GetProperty("detail").GetString().ShouldBe("#1 of the newest 3 tagged", tag);
        }

        report.Decision("web", "0.1.39").GetProperty("reasons")[0].GetProperty("detail").GetString().ShouldBe("#2 of the newest 3 tagged");
        report.Decision("web", "0.1.38").GetProperty("reasons")[0].GetProperty("detail").GetString().ShouldBe("#3 of the newest 3 tagged");
        report.Action("web", "0.1.37").ShouldBe("delete");
    }

    [Fact]
    public async Task DryRun_TagsSharingAPinnedManifest_KeptAsSameManifest()
    {
        var report = await DryRunAsync();

        report.ReasonKinds("cms", "production")[0].ShouldBe("pin");
        foreach (var tag in new[] { "0.1.20", "production-latest" })
        {
            report.Action("cms", tag).ShouldBe("keep", tag);
            report.ReasonKinds("cms", tag)[0].ShouldBe("same-manifest");
            report.Decision("cms", tag).GetProperty("reasons")[0].GetProperty("detail").GetString()!.ShouldStartWith("production (sha256:");
        }

        report.Action("cms", "0.1.21").ShouldBe("delete");
    }

    [Fact]
    public async Task DryRun_RemoveTagsOnATagByTagRegistry_DeletesATagOfAKeptManifest()
    {
        var report = await DryRunAsync("['^production-latest$']");

        report.Action("cms", "production-latest").ShouldBe("delete");
        report.ReasonKinds("cms", "production-latest")[0].ShouldBe("remove-tag");
        report.ReasonKinds("cms", "0.1.20")[0].ShouldBe("same-manifest");
    }

    [Fact]
    public async Task DryRun_KeepLastThree_KeepsThreeSignedBuildsNotOneBuildAndItsArtifacts()
    {
        var report = await ConfigFile.RunReportAsync(_fleet.Config(ConfigFile.KeepLast(3), report: null, pins: null));
        var kept = report.Decisions.Where(d => d.GetProperty("action").GetString() == "keep").Select(d => d.GetProperty("version").GetString()!).ToList();
        kept.Where(v => v.StartsWith('v')).ShouldBe(["v5", "v4", "v3"], ignoreOrder: true);
        kept.Count(v => v.StartsWith("sha256-", StringComparison.Ordinal)).ShouldBe(6, "each kept build keeps its signature and attestation");
        report.ReasonKinds("app", "latest")[0].ShouldBe("keep-tag");
        report.ReasonKinds("app", "v3").ShouldContain("keep-last");
        report.Action("app", "v2").ShouldBe("delete");
    }
}
