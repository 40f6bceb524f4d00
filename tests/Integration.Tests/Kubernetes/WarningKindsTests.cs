namespace OciCleanup.Integration.Tests.Kubernetes;

/// <summary>
/// Issue 18 item 5: the next ImagePullBackOff is visible in a dry run. A Deployment or an exact pin naming
/// a version the Gitea test server does not hold, a kept index whose child Forgejo's cleanup orphaned
/// (seed 004), an ImagePolicy whose ImageRepository does not exist: each is a warning of its kind in the
/// report, naming the object. Issue 21 item 7: a cluster body that makes the client quote an echoed
/// credential fails the source without the credential reaching the report or stderr.
/// </summary>
public sealed class WarningKindsTests : IAsyncLifetime
{
    private const string GiteaToken = "warning-kinds-gitea";
    private const string KubeToken = "warning-kinds-kube";
    private readonly GiteaFleet _fleet = new(GiteaToken, KubeToken);
    private StoredManifest _index = null!;

    public async Task InitializeAsync()
    {
        await _fleet.StartAsync();
        var old = DateTimeOffset.UtcNow.AddDays(-100);
        _fleet.Gitea.Push("oleks", "api", "0.1.98", StoredManifest.Image("api 0.1.98"), old);
        _index = _fleet.Gitea.PushIndex("oleks", "multi", "1.0", "multi 1.0", old, "amd64", "arm64");
        // Seed 004: Forgejo's cleanup deleted a child pushed by digest; the index still lists it.
        _fleet.Gitea.Remove("oleks", "multi", _index.Children[1]);
        _fleet.Cluster.Apply(KubeObjects.Deployment("api", "git.example.org/oleks/api:0.1.99", "kotkan") + """

            ---
            apiVersion: image.toolkit.fluxcd.io/v1
            kind: ImagePolicy
            metadata:
              name: api
              namespace: kotkan
            spec:
              imageRepositoryRef:
                name: api-missing
              policy:
                semver:
                  range: ">=0.1.0"
            """);
        _fleet.Folder.Write("pins.txt", "container/api==0.1.97\ncontainer/multi==1.0\n");
    }

    public Task DisposeAsync() => _fleet.DisposeAsync().AsTask();

    private Task<CleanerProcess.Result> DryRunAsync(string format = "json") =>
        CleanerProcess.RunAsync(
            "run",
            "--config",
            _fleet.Config(ConfigFile.KeepLast(0, ", keepTags: []"), report: null, registry: ", hostAliases: [git.example.org]", extra: "clusters: [{name: armer, kubeconfig: kubeconfig}]"),
            "--report",
            format);

    private async Task<ILookup<string, string>> WarningsAsync()
    {
        var result = await DryRunAsync();
        result.ExitCode.ShouldBe(0, result.Stderr);
        _fleet.Gitea.Requests.ShouldAllBe(r => r.Method == "GET" || r.Method == "HEAD");
        return new ReportJson(result.Stdout).Root.GetProperty("warnings").EnumerateArray()
            .ToLookup(w => w.GetProperty("kind").GetString()!, w => w.GetProperty("detail").GetString()!);
    }

    [Fact]
    public async Task DryRun_DeploymentNamesATagTheRegistryDoesNotHold_WarnsDanglingReference()
    {
        var warnings = await WarningsAsync();

        warnings["dangling-reference"].ShouldContain("armer/kotkan/Deployment/api/api names git.example.org/oleks/api:0.1.99, which main does not hold — the next pull fails");
    }

    [Fact]
    public async Task DryRun_ExactPinOfAVersionThatIsGone_WarnsDanglingReferenceNotPinUnmatched()
    {
        var warnings = await WarningsAsync();

        warnings["dangling-reference"].ShouldContain(w => w.EndsWith("pins.txt:1: container/api==0.1.97 names a version main:oleks/container/api does not hold (deleted, never pushed, or a typo?)", StringComparison.Ordinal));
        warnings["pin-unmatched"].ShouldBeEmpty();
    }

    [Fact]
    public async Task DryRun_KeptIndexWhoseChildWasOrphaned_WarnsBrokenIndex()
    {
        var warnings = await WarningsAsync();

        warnings["broken-index"].ShouldHaveSingleItem().ShouldBe(
            $"main:oleks/container/multi: the kept index 1.0 ({_index.Digest}) lists 1 child manifest(s) the registry does not hold ({_index.Children[1]}) — a pull of that platform fails: push the image again");
    }

    [Fact]
    public async Task DryRun_ImagePolicyWhoseImageRepositoryIsMissing_WarnsImageRepositoryMissing()
    {
        var warnings = await WarningsAsync();

        warnings["image-repository-missing"].ShouldHaveSingleItem().ShouldStartWith("armer/kotkan/ImagePolicy/api names ImageRepository kotkan/api-missing, which does not exist: Flux stalls the policy");
    }

    [Theory]
    [InlineData("table")]
    [InlineData("markdown")]
    [InlineData("html")]
    public async Task DryRun_HumanFormats_ShowEachWarningKind(string format)
    {
        var result = await DryRunAsync(format);

        result.ExitCode.ShouldBe(0, result.Stderr);
        foreach (var kind in new[] { "dangling-reference", "broken-index", "image-repository-missing" })
        {
            result.Stdout.ShouldContain(kind);
        }
    }

    [Theory]
    // The JSON reader quotes an invalid literal as it read it; the date converter quotes the value it could not parse.
    [InlineData("""{"kind":"PodList","apiVersion":"v1","metadata":{},"items": tBearer SECRET-echoed-4711}""")]
    [InlineData("""{"kind":"PodList","apiVersion":"v1","metadata":{},"items":[{"metadata":{"name":"p","namespace":"n","creationTimestamp":"Bearer SECRET-echoed-4711"}}]}""")]
    public async Task DryRun_ClusterBodyMakesTheClientQuoteAnEchoedCredential_SourceFailsWithoutIt(string body)
    {
        _fleet.Cluster.AnswerRaw("/api/v1/pods", body);

        var result = await DryRunAsync();

        result.ExitCode.ShouldBe(1);
        var source = new ReportJson(result.Stdout).Source("cluster:armer");
        source.GetProperty("status").GetString().ShouldBe("failed");
        source.GetProperty("error").GetString()!.ShouldContain("Bearer ***");
        result.Stdout.ShouldNotContain("SECRET-echoed-4711");
        result.Stderr.ShouldNotContain("SECRET-echoed-4711");
    }
}
