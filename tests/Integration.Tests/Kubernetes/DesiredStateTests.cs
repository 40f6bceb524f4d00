namespace OciCleanup.Integration.Tests.Kubernetes;

/// <summary>
/// Issue 10's cases, each as the seed fleets' operators would meet it: objects served by the
/// Kubernetes test server, versions in the Gitea test server, the real program in dry-run. Every
/// version would be deleted by retention; what stays was protected, with a reason a person understands,
/// and what could not be resolved is in the report's <c>warnings</c>.
/// </summary>
public sealed class DesiredStateTests : IAsyncLifetime
{
    private const string GiteaToken = "desired-state-gitea";
    private const string KubeToken = "desired-state-kube";
    private readonly GiteaFleet _fleet = new(GiteaToken, KubeToken);

    public async Task InitializeAsync()
    {
        await _fleet.StartAsync();
        var old = DateTimeOffset.UtcNow.AddDays(-100);
        void Push(string owner, string name, params string[] tags)
        {
            for (var i = 0; i < tags.Length; i++)
            {
                _fleet.Gitea.Push(owner, name, tags[i], StoredManifest.Image($"{owner}/{name}:{tags[i]}"), old.AddHours(i));
            }
        }

        Push("oleks", "cms-plugins", "0.1.10", "0.1.11", "0.1.12", "0.1.13");
        Push("mathias", "supervisor", "a1b2c3d", "e4f5a6b");
        Push("admin", "honeydue-worker", "1111111", "5683e0d");
        Push("oleks", "podinfo", "0.9.0", "1.8.0", "1.9.0", "2.0.0");
        Push("oleks", "ci-app", "main-ccc333-1717000000", "main-aaa111-1718000000", "main-bbb222-1718500000");
        Push("oleks", "charts/podinfo", "6.1.0", "6.2.3", "6.2.5", "6.3.0");
        _fleet.Cluster.Apply(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Manifests", "desired-state.yaml")));

        // Flux image automation wrote the digest through a `$imagepolicy` marker; the chart holds the repository.
        var build = StoredManifest.Image("web build 21");
        foreach (var (tag, at) in new[] { ("0.2.1", 3), ("staging", 4), ("staging-latest", 5) })
        {
            _fleet.Gitea.Push("oleks", "web", tag, build, old.AddHours(at));
        }

        _fleet.Gitea.Push("oleks", "web", "0.2.0", StoredManifest.Image("web build 20"), old);
        _fleet.Gitea.Push("oleks", "web-worker", "1.0.0", build, old);
        _fleet.Gitea.Push("oleks", "web-worker", "0.9.0", StoredManifest.Image("web-worker 0.9.0"), old);
        _fleet.Cluster.Apply($"""
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: web
              namespace: kotkan
            spec:
              interval: 10m
              chart:
                spec:
                  chart: ./deploy/helm
                  sourceRef:
                    kind: GitRepository
                    name: web
              values:
                image:
                  tag: "staging"
                  digest: "{build.Digest}"
            """);
        _fleet.Folder.Write("pins.txt", "container/cms-plugins==0.1.13\ncontainer/cms-plugin==staging   # a typo: cms-plugin\n");
    }

    public Task DisposeAsync() => _fleet.DisposeAsync().AsTask();

    private async Task<ReportJson> DryRunAsync(string unknownHosts = "protect")
    {
        var config = _fleet.Config(
            ConfigFile.KeepLast(0, ", keepTags: []"),
            report: null,
            registry: ", owners: [oleks, mathias, admin], hostAliases: [git.oleks.space, gitea.d-ma.be]",
            extra: $"clusters: [{{name: armer, kubeconfig: kubeconfig}}]\nreferences: {{unknownHosts: {unknownHosts}}}");
        return await ConfigFile.RunReportAsync(config);
    }

    private static IEnumerable<string> Warnings(ReportJson report, string kind) =>
        report.Root.GetProperty("warnings").EnumerateArray().Where(w => w.GetProperty("kind").GetString() == kind).Select(w => w.GetProperty("detail").GetString()!);

    private static IEnumerable<string> Kept(ReportJson report, string package) =>
        report.Decisions.Where(d => d.GetProperty("package").GetString() == package && d.GetProperty("action").GetString() == "keep").Select(d => d.GetProperty("version").GetString()!);

    [Fact]
    public async Task DryRun_SuspendedReleaseWithTagOnlyValues_KeepsThatTagAndWarns()
    {
        var report = await DryRunAsync();

        report.Action("cms-plugins", "0.1.12").ShouldBe("keep");
        report.ReasonKinds("cms-plugins", "0.1.12")[0].ShouldBe("helmrelease-suspended");
        report.Action("cms-plugins", "0.1.11").ShouldBe("delete");
        Warnings(report, "tag-only-values").ShouldContain(w => w.Contains("kotkan/HelmRelease/cms-plugins-golive", StringComparison.Ordinal) && w.Contains("only tag 0.1.12", StringComparison.Ordinal));
        Warnings(report, "desired-state").ShouldContain(w => w.Contains("kotkan/HelmRelease/cms-plugins-first", StringComparison.Ordinal) && w.Contains("never installed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DryRun_ReleaseWithDigestOnlyValues_KeepsEveryVersionWithThatDigestAndWarns()
    {
        var report = await DryRunAsync();

        Kept(report, "web").ShouldBe(["0.2.1", "staging", "staging-latest"], ignoreOrder: true);
        report.ReasonKinds("web", "0.2.1")[0].ShouldBe("helmrelease");
        report.Decision("web", "0.2.1").GetProperty("reasons")[0].GetProperty("detail").GetString()!.ShouldContain("kotkan/HelmRelease/web (image: digest only)");
        Kept(report, "web-worker").ShouldBe(["1.0.0"], "the digest in every configured package: the chart's repository is not known");
        Warnings(report, "digest-only-values").ShouldHaveSingleItem().ShouldContain("kotkan/HelmRelease/web");
    }

    [Fact]
    public async Task DryRun_SuspendedKustomizationWithSpecImages_KeepsItsTag()
    {
        var report = await DryRunAsync();

        Kept(report, "supervisor").ShouldBe(["a1b2c3d"]);
        report.ReasonKinds("supervisor", "a1b2c3d")[0].ShouldBe("kustomization");
        report.Decision("supervisor", "a1b2c3d").GetProperty("reasons")[0].GetProperty("detail").GetString()!.ShouldContain("flux-system/Kustomization/supervisor");
    }

    [Theory]
    [InlineData("protect", true)]
    [InlineData("ignore", false)]
    public async Task DryRun_DeploymentOnAnUnconfiguredMirror_ProtectedByPathWithAWarningWhenProtecting(string unknownHosts, bool kept)
    {
        var report = await DryRunAsync(unknownHosts);

        report.Action("honeydue-worker", "5683e0d").ShouldBe(kept ? "keep" : "delete");
        Warnings(report, "unknown-host").Any(w => w.Contains("registry.lan:5000 — add it to hostAliases", StringComparison.Ordinal)).ShouldBe(kept);
    }

    [Fact]
    public async Task DryRun_ImagePoliciesWithoutStatus_KeepWhatFluxWillPickNotEveryMatch()
    {
        var report = await DryRunAsync();

        Kept(report, "podinfo").ShouldBe(["1.9.0"]);
        report.ReasonKinds("podinfo", "1.9.0")[0].ShouldBe("imagepolicy");
        Kept(report, "ci-app").ShouldBe(["main-bbb222-1718500000"], "numerical with extract: the newest build, not every CI build");
    }

    [Fact]
    public async Task DryRun_SuspendedReleaseWithChartRefToAnUnresolvedOciRepository_KeepsTheChartInRange()
    {
        var report = await DryRunAsync();

        Kept(report, "charts/podinfo").ShouldBe(["6.2.5"]);
        report.ReasonKinds("charts/podinfo", "6.2.5")[0].ShouldBe("flux-source");
    }

    [Fact]
    public async Task DryRun_PinWithATypo_WarnsNamingFileAndLine()
    {
        var report = await DryRunAsync();

        Warnings(report, "pin-unmatched").ShouldHaveSingleItem().ShouldEndWith("pins.txt:2: container/cms-plugin==staging matches no version in the inventory (a typo?)");
        report.Action("cms-plugins", "0.1.13").ShouldBe("keep");
    }

    [Fact]
    public async Task PinsCheck_WithConfig_ShowsWhatEachLineMatches()
    {
        await DryRunAsync();

        var result = await CleanerProcess.RunAsync("pins", "check", Path.Combine(_fleet.Folder.Path, "pins.txt"), "--config", Path.Combine(_fleet.Folder.Path, "config.yaml"));

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldContain("pins.txt:1: 1 version\n");
        result.Stdout.ShouldContain("pins.txt:2: 0 versions — matches nothing in the inventory (a typo?)");
    }
}
