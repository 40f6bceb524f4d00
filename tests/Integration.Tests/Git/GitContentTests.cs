using OciCleanup.Pins;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Integration.Tests.Git;

/// <summary>SPEC §5c: what the files of a GitOps repository name, read the way a cluster's objects are.</summary>
public sealed class GitContentTests : IDisposable
{
    private readonly GitSourceFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Collect_KustomizationOverlay_ProtectsTheImagesItSets()
    {
        _fixture.Repo.Write("apps/base/api.yaml", GitSourceFixture.Deployment("registry.example.org/team/api:base"));
        _fixture.Repo.Write("apps/base/kustomization.yaml", "resources: [api.yaml]\n");
        _fixture.Repo.Write("apps/prod/kustomization.yaml", """
            resources: [../base]
            images:
              - name: registry.example.org/team/api
                newTag: 6.2.0
              - name: registry.example.org/team/worker
                newName: registry.example.org/team/worker-prod
                digest: sha256:4f5a000000000000000000000000000000000000000000000000000000000000
            """);
        _fixture.Repo.Commit("prod overlay");

        var result = await GitSourceFixture.CollectAsync(_fixture.Options(commits: 0));

        var images = result.Protections.Select(p => ((ImageTarget)p.Target).Image.ToString()).ToList();
        images.ShouldBe([
            "registry.example.org/team/api:base",
            "registry.example.org/team/api:6.2.0",
            "registry.example.org/team/worker-prod@sha256:4f5a000000000000000000000000000000000000000000000000000000000000",
        ], ignoreOrder: true);
        result.Protections.Single(p => ((ImageTarget)p.Target).Image.Tag == "6.2.0").Reason.Detail.ShouldEndWith("apps/prod/kustomization.yaml:4");
    }

    [Fact]
    public async Task Collect_HelmReleaseWithAMarker_ProtectsWhatThePolicyPicksAndTheTagOnlyValue()
    {
        _fixture.Repo.Write("apps/api/release.yaml", """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: api
              namespace: kotkan
            spec:
              values:
                image:
                  tag: 7.1.0 # {"$imagepolicy": "flux-system:api:tag"}
            """);
        _fixture.Repo.Write("clusters/armer/policy.yaml", """
            apiVersion: image.toolkit.fluxcd.io/v1
            kind: ImageRepository
            metadata:
              name: api
              namespace: flux-system
            spec:
              image: registry.example.org/team/api
            ---
            apiVersion: image.toolkit.fluxcd.io/v1
            kind: ImagePolicy
            metadata:
              name: api
              namespace: flux-system
            spec:
              imageRepositoryRef:
                name: api
              policy:
                semver:
                  range: ">=7.0.0"
            """);
        _fixture.Repo.Commit("api release with automation");

        var result = await GitSourceFixture.CollectAsync(_fixture.Options(commits: 0));

        result.Status.ShouldBe(SourceStatus.Ok, result.Error);
        var policy = result.Protections.Select(p => p.Target).OfType<TagPolicyTarget>().ShouldHaveSingleItem();
        policy.Repository.ShouldBe("team/api");
        result.Protections.Single(p => p.Target is TagPolicyTarget).Reason.Detail.ShouldEndWith("apps/api/release.yaml:9");
        result.Protections.Select(p => p.Target).ShouldContain(new AnyPackageTagTarget("7.1.0"));
        result.Warnings.ShouldContain(w => w.Kind == WarningKind.TagOnlyValues);
    }

    [Fact]
    public async Task Collect_BrokenYamlAndOtherFiles_WarnsNamingPathAndLineAndReadsTheRest()
    {
        _fixture.Repo.Write("apps/api.yaml", GitSourceFixture.Deployment("registry.example.org/team/api:8.0.0"));
        _fixture.Repo.Write("apps/broken.yaml", "kind: Deployment\nspec:\n  image: [unclosed\n");
        _fixture.Repo.Write("apps/README.md", "image: registry.example.org/team/api:never\n");
        _fixture.Repo.Write("other/api.yaml", GitSourceFixture.Deployment("registry.example.org/team/api:outside"));
        var head = _fixture.Repo.Commit("a broken file");

        var result = await GitSourceFixture.CollectAsync(_fixture.Options(0, null, "main", "apps/"));

        result.Status.ShouldBe(SourceStatus.Ok, result.Error);
        GitSourceFixture.Tags(result).Select(t => t.Tag).ShouldBe(["8.0.0"], "a Markdown file is not read, nor a folder outside paths");
        var warning = result.Warnings.ShouldHaveSingleItem();
        warning.Kind.ShouldBe(WarningKind.UnreadableYaml);
        warning.Detail.ShouldStartWith($"infra@{head[..7]}:apps/broken.yaml:4:");
    }

    [Fact]
    public async Task Collect_RepositoryGone_FailsTheSource()
    {
        _fixture.CommitApi("9.0.0");
        await GitSourceFixture.CollectAsync(_fixture.Options());
        Directory.Delete(_fixture.Repo.Path, recursive: true);

        var result = await GitSourceFixture.CollectAsync(_fixture.Options());

        result.Status.ShouldBe(SourceStatus.Failed);
        result.Name.ShouldBe("git:infra");
        result.Error!.ShouldContain("git fetch failed");
    }

    [Fact]
    public async Task Collect_UnknownBranch_FailsTheSource()
    {
        _fixture.CommitApi("9.0.0");

        var result = await GitSourceFixture.CollectAsync(_fixture.Options(branch: "production"));

        result.Status.ShouldBe(SourceStatus.Failed);
        result.Error!.ShouldContain("couldn't find remote ref refs/heads/production");
    }
}
