using OciCleanup.Pins;
using OciCleanup.Pins.DesiredState;
using OciCleanup.Pins.PinsFiles;

namespace OciCleanup.Cleaner.Tests.Planning;

public class ProtectionMatcherTests
{
    private static readonly ProtectionReason Why = new(ReasonKind.Workload, new ClusterObjectOrigin("armer", "kotkan", "Deployment", "cms", "cms"));

    private static ProtectedSet Images(params string[] images) =>
        ProtectedSet.Merge([SourceResult.Ok("cluster:armer", images.Select(i => new Protection(new ImageTarget(ImageReference.Parse(i)), Why)))]);

    [Theory]
    [InlineData("git.example.org/oleks/cms-plugins:staging", true)]
    [InlineData("GIT.example.org/oleks/cms-plugins:STAGING", true)]
    [InlineData("registry.lan:5000/oleks/cms-plugins:staging", true)]
    [InlineData("git.example.org/anton/cms-plugins:staging", false)]
    [InlineData("git.example.org/oleks/cms-plugins:0.1.1", false)]
    [InlineData("docker.io/oleks/cms-plugins:staging", false)]
    [InlineData("registry.lan/oleks/cms-plugins:staging", false)]
    public void Match_ImageReference_ByHostOrAliasOwnerImageAndTag(string image, bool protects)
    {
        var staging = Some.Version("staging", 30);
        var registries = Some.Array(Some.Gitea(aliases: ["registry.lan:5000"]));

        var found = ProtectionMatcher.Match([staging, Some.Version("production", 30)], Images(image), registries, UnknownHosts.Ignore).Protections;

        found.ContainsKey(staging.Key).ShouldBe(protects);
        found.Count.ShouldBe(protects ? 1 : 0);
    }

    [Fact]
    public void Match_ImageNameWithSlash_MapsToGiteaPackageName()
    {
        var version = Some.Version("v1", 30, name: "team/app");

        var found = ProtectionMatcher.Match([version], Images("git.example.org/oleks/team/app:v1"), [Some.Gitea()]).Protections;

        found[version.Key].ShouldHaveSingleItem().Kind.ShouldBe(ReasonKind.Workload);
    }

    [Fact]
    public void Match_DigestReference_ProtectsEveryHolderAndTheIndexContainingIt()
    {
        var child = Some.Digest("amd64");
        var tagA = Some.Version("0.1.7", 30, digestSeed: "build7");
        var tagB = Some.Version("staging", 30, digestSeed: "build7");
        var index = Some.Version("v2", 30) with { Children = [child] };
        var childVersion = Some.Version("sha256:" + child.Hex, 30);
        var other = Some.Version("0.1.6", 30);

        var found = ProtectionMatcher.Match([tagA, tagB, index, childVersion, other],
            Images($"git.example.org/oleks/cms-plugins@{tagA.Digest}", $"git.example.org/oleks/cms-plugins@{child}"), [Some.Gitea()]).Protections;

        found.Keys.Select(k => k.Version).ShouldBe(["0.1.7", "staging", "v2", childVersion.Version], ignoreOrder: true);
    }

    [Fact]
    public void Match_OciRegistry_PathIsTheRepository()
    {
        var version = Some.Version("v1", 30, name: "team/app", owner: null!, registry: "lan");

        var found = ProtectionMatcher.Match([version], Images("registry.lan:5000/team/app:v1"), [Some.Oci()]).Protections;

        found.ShouldContainKey(version.Key);
    }

    private static ProtectedSet Policy(string pattern, string extract, TagOrder order)
    {
        GoRegex.TryParse(pattern, out var regex, out var error).ShouldBeTrue(error);
        return ProtectedSet.Merge([SourceResult.Ok("cluster:armer", [new Protection(
            new TagPolicyTarget("git.example.org", "oleks/cms-plugins", new ImagePolicyTags(regex, extract, order)),
            new ProtectionReason(ReasonKind.ImagePolicy, new ClusterObjectOrigin("armer", "kotkan", "ImagePolicy", "cms-plugins")))])]);
    }

    [Fact]
    public void Match_ImagePolicyFloatingTag_ProtectsThatTagOnly()
    {
        var inventory = Some.Array(Some.Version("staging", 30), Some.Version("staging-latest", 30), Some.Version("production", 30));

        var found = ProtectionMatcher.Match(inventory, Policy("^staging$", "", new AlphabeticalOrder(true)), [Some.Gitea()]).Protections;

        found.Keys.Select(k => k.Version).ShouldBe(["staging"]);
        found.Values.Single().Single().Detail.ShouldContain("would pick staging");
    }

    [Fact]
    public void Match_NumericalPolicyWithExtract_ProtectsTheNewestBuildNotEveryBuild()
    {
        // Flux's documented pattern: keeping every tag it admits would keep every CI build forever.
        var inventory = Some.Array(Some.Version("main-3f2a1b-1718000000", 30), Some.Version("main-9c0d4e-1718500000", 30), Some.Version("main-1a2b3c-1717000000", 30), Some.Version("dev-1", 30));

        var found = ProtectionMatcher.Match(inventory, Policy("^main-[a-f0-9]+-(?P<ts>[0-9]+)$", "$ts", new NumericalOrder(true)), [Some.Gitea()]).Protections;

        found.Keys.Select(k => k.Version).ShouldBe(["main-9c0d4e-1718500000"]);
    }

    [Fact]
    public void Match_SemverPolicyWithNoStatusYet_ProtectsWhatFluxWillPickFirst()
    {
        FluxSemverRange.TryParse(">=1.0.0 <2.0.0", out var range, out var error).ShouldBeTrue(error);
        var inventory = Some.Array(Some.Version("1.8.0", 30), Some.Version("1.9.0", 30), Some.Version("2.0.0", 30), Some.Version("0.9.0", 30));

        var found = ProtectionMatcher.Match(inventory, Policy(".*", "", new SemverOrder(range)), [Some.Gitea()]).Protections;

        found.Keys.Select(k => k.Version).ShouldBe(["1.9.0"]);
    }

    [Fact]
    public void Match_NumericalPolicyThatFluxCannotEvaluate_PicksNothingAndWarns()
    {
        var inventory = Some.Array(Some.Version("1", 30), Some.Version("two", 30));

        var result = ProtectionMatcher.Match(inventory, Policy(".*", "", new NumericalOrder(true)), [Some.Gitea()]);

        result.Protections.ShouldBeEmpty();
        result.Warnings.ShouldHaveSingleItem().Kind.ShouldBe(WarningKind.DesiredState);
    }

    [Fact]
    public async Task Match_PinRuleWithOwner_OnlyThatOwner()
    {
        var pins = PinsFileParser.Parse("pins.txt", "anton:container/cms-plugins==*\ncontainer/cms-plugins==staging");
        var set = ProtectedSet.Merge([await new PinsFileSource(pins).CollectAsync(CancellationToken.None)]);
        var inventory = Some.Array(Some.Version("staging", 30), Some.Version("v1", 30), Some.Version("v1", 30, owner: "anton"));

        var found = ProtectionMatcher.Match(inventory, set, [Some.Gitea()]).Protections;

        found.Keys.Select(k => $"{k.Owner}:{k.Version}").ShouldBe(["oleks:staging", "anton:v1"], ignoreOrder: true);
        found.Values.SelectMany(r => r).Select(r => r.Detail).ShouldBe(["pins.txt:1", "pins.txt:2"], ignoreOrder: true);
    }

    [Fact]
    public async Task Match_TwoPinsLinesOfAFileInABracketedFolder_BothAreReasons()
    {
        // Read back from the text, both lines were seen at "/srv/pins" and the second reason was dropped.
        var pins = PinsFileParser.Parse("/srv/pins (old)/prod.txt", "container/cms-plugins==staging\ncontainer/cms-plugins==stag*");
        var set = ProtectedSet.Merge([await new PinsFileSource(pins).CollectAsync(CancellationToken.None)]);

        var found = ProtectionMatcher.Match(Some.Array(Some.Version("staging", 30)), set, [Some.Gitea()]).Protections;

        found.Values.Single().Select(r => r.Detail).ShouldBe(["/srv/pins (old)/prod.txt:1", "/srv/pins (old)/prod.txt:2"]);
    }

    [Theory]
    [InlineData("registry.lan:5000/oleks/cms-plugins:staging", "registry.lan:5000")]
    [InlineData("docker.io/oleks/cms-plugins:staging", "docker.io")]
    public void Match_UnknownHostWithMatchingPath_ProtectsByPathAndWarnsWhichAliasToAdd(string image, string host)
    {
        var staging = Some.Version("staging", 30);

        var result = ProtectionMatcher.Match([staging, Some.Version("production", 30)], Images(image), [Some.Gitea()], UnknownHosts.Protect);

        result.Protections.Keys.ShouldBe([staging.Key]);
        result.Protections[staging.Key].ShouldHaveSingleItem().Detail.ShouldEndWith($"(by path on unconfigured host {host})");
        var warning = result.Warnings.ShouldHaveSingleItem();
        warning.Kind.ShouldBe(WarningKind.UnknownHost);
        warning.Detail.ShouldContain($"unconfigured host {host} — add it to hostAliases");
    }

    [Fact]
    public void Match_UnknownHostWithNoMatchingPath_NeitherProtectsNorWarns()
    {
        var result = ProtectionMatcher.Match([Some.Version("staging", 30)], Images("docker.io/library/nginx:1.27"), [Some.Gitea()], UnknownHosts.Protect);

        result.Protections.ShouldBeEmpty();
        result.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public async Task Match_PinLines_CountTheirMatchesAndWarnAboutTyposAndMissingVersions()
    {
        var pins = PinsFileParser.Parse("/etc/registry-pins.txt", "container/cms-plugins==staging\ncontainer/cms-plugin==staging\ncontainer/cms-plugins==prodution\ncontainer/cms-plugins==0.1.*\n");
        var set = ProtectedSet.Merge([await new PinsFileSource(pins).CollectAsync(CancellationToken.None)]);
        var inventory = Some.Array(Some.Version("staging", 30), Some.Version("production", 30), Some.Version("0.1.1", 30), Some.Version("0.1.2", 30));

        var result = ProtectionMatcher.Match(inventory, set, [Some.Gitea()]);

        result.PinMatches["/etc/registry-pins.txt:1"].ShouldBe(1);
        result.PinMatches["/etc/registry-pins.txt:2"].ShouldBe(0);
        result.PinMatches["/etc/registry-pins.txt:4"].ShouldBe(2);
        // A package no registry has is a typo; an exact version of a package that exists is a reference to something gone.
        result.Warnings.Select(w => (w.Kind, w.Detail)).ShouldBe([
            (WarningKind.PinUnmatched, "/etc/registry-pins.txt:2: container/cms-plugin==staging matches no version in the inventory (a typo?)"),
            (WarningKind.DanglingReference, "/etc/registry-pins.txt:3: container/cms-plugins==prodution names a version main:oleks/container/cms-plugins does not hold (deleted, never pushed, or a typo?)"),
        ], ignoreOrder: true);
    }

    [Fact]
    public void Match_DigestOnlyHelmValues_ProtectEveryVersionWithTheDigestInEveryContainerPackageAndWarn()
    {
        // `image: {tag: staging, digest: sha256:…}` with the repository in the chart (SPEC §5a).
        var build = Some.Digest("build 40");
        var tagged = Some.Version("0.1.40", 30, digestSeed: "build 40");
        var staging = Some.Version("staging-latest", 30, digestSeed: "build 40");
        var elsewhere = Some.Version("v9", 30, name: "other", digestSeed: "build 40", registry: "lan", owner: null!);
        var index = Some.Version("multi", 30, name: "third") with { Children = [build] };
        var unrelated = Some.Version("0.1.39", 30);
        var why = new ProtectionReason(ReasonKind.HelmRelease, new ClusterObjectOrigin("armer", "kotkan", "HelmRelease", "cms") { At = "image", Only = ImagePart.Digest });
        var set = ProtectedSet.Merge([SourceResult.Ok("cluster:armer", [new Protection(new AnyPackageDigestTarget(build), why)])]);

        var result = ProtectionMatcher.Match([tagged, staging, elsewhere, index, unrelated], set, [Some.Gitea(), Some.Oci()]);

        result.Protections.Keys.Select(k => k.Version).ShouldBe(["0.1.40", "staging-latest", "v9", "multi"], ignoreOrder: true);
        result.Protections[tagged.Key].ShouldHaveSingleItem().ShouldBe(new Reason(ReasonKind.HelmRelease, why.Origin));
        var warning = result.Warnings.ShouldHaveSingleItem();
        warning.Kind.ShouldBe(WarningKind.DigestOnlyValues);
        warning.Detail.ShouldContain("armer/kotkan/HelmRelease/cms");
        warning.Detail.ShouldContain(build.ToString());
        warning.Detail.ShouldContain("4 version(s)");
    }
}
