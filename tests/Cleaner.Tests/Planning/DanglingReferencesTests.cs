using OciCleanup.Pins;

namespace OciCleanup.Cleaner.Tests.Planning;

public class DanglingReferencesTests
{
    private static readonly ProtectionReason Deployment = new(ReasonKind.Workload, new ClusterObjectOrigin("armer", "kotkan", "Deployment", "api", "api"));

    private static ProtectedSet Named(params (string Image, ProtectionReason Reason, bool History)[] references) =>
        ProtectedSet.Merge([SourceResult.Ok("cluster:armer", references.Select(r => new Protection(new ImageTarget(ImageReference.Parse(r.Image)), r.Reason) { IsHistory = r.History }))]);

    private static ProtectedSet Named(params string[] images) => Named([.. images.Select(i => (i, Deployment, false))]);

    private static IEnumerable<string> Dangling(MatchResult result) =>
        result.Warnings.Where(w => w.Kind == WarningKind.DanglingReference).Select(w => w.Detail);

    [Fact]
    public void Match_WorkloadNamesTagTheRegistryDoesNotHold_WarnsNamingObjectAndReference()
    {
        var result = ProtectionMatcher.Match(Some.Array(Some.Version("0.1.98", 3, name: "api")), Named("git.example.org/oleks/api:0.1.99"), [Some.Gitea()]);

        Dangling(result).ShouldHaveSingleItem().ShouldBe("armer/kotkan/Deployment/api/api names git.example.org/oleks/api:0.1.99, which main does not hold — the next pull fails");
    }

    [Theory]
    [InlineData("git.example.org/oleks/api:0.1.98")]
    [InlineData("GIT.example.org/oleks/api:0.1.98")]
    [InlineData("git.example.org/anton/api:9.9.9")] // an owner main does not inventory: nothing is known
    [InlineData("docker.io/library/nginx:1.27")] // a host no registry names
    [InlineData("git.example.org/oleks/api:no-such-tag@sha256:3f1c6f5c2d9b8a7e6f5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a39")]
    public void Match_ReferenceThatResolvesOrCannotBeKnown_NoDanglingWarning(string image)
    {
        var held = Some.Version("0.1.98", 3, name: "api");
        var child = Digest.Parse("sha256:3f1c6f5c2d9b8a7e6f5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a39");
        var index = Some.Version("multi", 3, name: "api") with { Children = [child] };

        var result = ProtectionMatcher.Match(Some.Array(held, index), Named(image), [Some.Gitea()]);

        Dangling(result).ShouldBeEmpty();
    }

    [Fact]
    public void Match_DigestNoVersionHolds_WarnsEvenWhenTheTagBesideItExists()
    {
        var result = ProtectionMatcher.Match(Some.Array(Some.Version("0.1.98", 3, name: "api")), Named($"git.example.org/oleks/api:0.1.98@{Some.Digest("gone")}"), [Some.Gitea()]);

        Dangling(result).ShouldHaveSingleItem().ShouldContain($"names git.example.org/oleks/api:0.1.98@{Some.Digest("gone")}, which main does not hold");
    }

    [Fact]
    public void Match_PackageMissingInAnInventoriedOwner_Warns()
    {
        var result = ProtectionMatcher.Match(Some.Array(Some.Version("1", 3, name: "web")), Named("git.example.org/oleks/api:1"), [Some.Gitea()]);

        Dangling(result).ShouldHaveSingleItem().ShouldStartWith("armer/kotkan/Deployment/api/api names git.example.org/oleks/api:1, which main does not hold");
    }

    [Fact]
    public void Match_RegistryWithNothingInventoried_NoWarning()
    {
        // A failed inventory lists nothing: every reference would look dangling.
        var result = ProtectionMatcher.Match(Some.Array(Some.Version("1", 3, registry: "other")), Named("git.example.org/oleks/api:1"), [Some.Gitea(), Some.Gitea("other", "https://other.example.org")]);

        Dangling(result).ShouldBeEmpty();
    }

    [Fact]
    public void Match_RollbackHistoryNamesAGoneVersion_NoWarning()
    {
        var replicaSet = new ProtectionReason(ReasonKind.ReplicaSetHistory, new ClusterObjectOrigin("armer", "kotkan", "ReplicaSet", "api-5d8", "api"));
        var previousPick = new ProtectionReason(ReasonKind.ImagePolicy, new ClusterObjectOrigin("armer", "kotkan", "ImagePolicy", "api"));

        var result = ProtectionMatcher.Match(
            Some.Array(Some.Version("0.1.98", 3, name: "api")),
            Named(("git.example.org/oleks/api:0.1.90", replicaSet, false), ("git.example.org/oleks/api:0.1.91", previousPick, true)),
            [Some.Gitea()]);

        Dangling(result).ShouldBeEmpty();
    }

    [Fact]
    public void Match_ManyObjectsNameOneGoneVersion_OneWarningNamingThem()
    {
        var reasons = Enumerable.Range(1, 6).Select(i => (Image: "git.example.org/oleks/api:0.1.99", Reason: new ProtectionReason(ReasonKind.Workload, new ClusterObjectOrigin("armer", "kotkan", "Pod", $"api-{i}", "api")), History: false)).ToArray();

        var result = ProtectionMatcher.Match(Some.Array(Some.Version("0.1.98", 3, name: "api")), Named(reasons), [Some.Gitea()]);

        Dangling(result).ShouldHaveSingleItem().ShouldBe(
            "armer/kotkan/Pod/api-1/api names git.example.org/oleks/api:0.1.99, which main does not hold — the next pull fails (also named by armer/kotkan/Pod/api-2/api, armer/kotkan/Pod/api-3/api, armer/kotkan/Pod/api-4/api and 2 more)");
    }

    [Theory]
    [InlineData("registry.lan:5000/team/app:2", true)]
    [InlineData("registry.lan:5000/team/skip:2", false)] // excluded from the inventory: unknown
    public void Match_OciRepositoryTheFiltersAdmit_WarnsOnlyThere(string image, bool warns)
    {
        var oci = Some.Oci() with { ExcludeRepositories = ["team/skip"] };
        var inventory = Some.Array(Some.Version("1", 3, name: "team/app", registry: "lan") with { Owner = null });

        var result = ProtectionMatcher.Match(inventory, Named(image), [oci]);

        Dangling(result).Any().ShouldBe(warns);
    }

    [Fact]
    public void Match_ImagePolicyRepositoryWithNoPackage_Warns()
    {
        var policy = new Protection(new TagPolicyTarget("git.example.org", "oleks/api", new Pins.DesiredState.ImagePolicyTags(null, "", new Pins.DesiredState.NumericalOrder(true))), new ProtectionReason(ReasonKind.ImagePolicy, new ClusterObjectOrigin("armer", "kotkan", "ImagePolicy", "api")));

        var result = ProtectionMatcher.Match(Some.Array(Some.Version("1", 3, name: "web")), ProtectedSet.Merge([SourceResult.Ok("cluster:armer", [policy])]), [Some.Gitea()]);

        Dangling(result).ShouldHaveSingleItem().ShouldStartWith("armer/kotkan/ImagePolicy/api names git.example.org/oleks/api, which main does not hold");
    }
}
