namespace OciCleanup.Pins.Tests.Kubernetes;

public class HelmReleaseImagesTests
{
    private const string Digest = "sha256:abababababababababababababababababababababababababababababababab";

    private static readonly Dictionary<string, string> OciRepositories = new() { ["apps/charts"] = "oci://git.example.org/team/charts" };

    private static JsonObject Release(string values, string? version = null, string? appVersion = null)
    {
        var release = new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "web", ["namespace"] = "apps" },
            ["spec"] = new JsonObject
            {
                ["suspend"] = true,
                ["chart"] = new JsonObject
                {
                    ["spec"] = new JsonObject { ["chart"] = "podinfo", ["version"] = version, ["sourceRef"] = new JsonObject { ["kind"] = "HelmRepository", ["name"] = "charts" } },
                },
                ["values"] = JsonNode.Parse(values),
            },
        };
        if (appVersion is not null)
        {
            release["status"] = new JsonObject { ["history"] = new JsonArray(new JsonObject { ["appVersion"] = appVersion }) };
        }

        return release;
    }

    private static Extraction Extract(JsonNode release) =>
        HelmReleaseImages.Extract("armer", release, (JsonObject)JsonTree.Node(release, "spec.values")!.DeepClone(), OciRepositories);

    [Fact]
    public void Extract_TagOnlyValues_ProtectTheTagInEveryPackageAndWarn()
    {
        var extraction = Extract(Release("""{"image":{"tag":"0.1.12","digest":""}}""", "6.5.0"));

        var tagOnly = extraction.Protections.Select(p => p.Target).OfType<AnyPackageTagTarget>().ShouldHaveSingleItem();
        tagOnly.Tag.ShouldBe("0.1.12");
        extraction.Protections.First(p => p.Target is AnyPackageTagTarget).Reason.Kind.ShouldBe(ReasonKind.HelmReleaseSuspended);
        var warning = extraction.Warnings.ShouldHaveSingleItem();
        warning.Kind.ShouldBe(WarningKind.TagOnlyValues);
        warning.Detail.ShouldContain("armer/apps/HelmRelease/web (image): the values give only tag 0.1.12");
    }

    // Flux image automation writes the digest through a `$imagepolicy` marker; where the chart holds the
    // repository the values have no repository at all (SPEC §5a).
    [Theory]
    [InlineData("""{"image":{"tag":"staging","digest":"%D"}}""", "staging")]
    [InlineData("""{"image":{"tag":"","digest":"%D"}}""", null)]
    [InlineData("""{"image":{"digest":"%D"}}""", null)]
    [InlineData("""{"app":{"image":{"version":"staging","digest":"%D"}}}""", "staging")]
    public void Extract_DigestOnlyValues_ProtectTheDigestAndTheTagInEveryPackage(string values, string? tag)
    {
        var extraction = Extract(Release(values.Replace("%D", Digest, StringComparison.Ordinal), "6.5.0"));

        var digestOnly = extraction.Protections.Where(p => p.Target is AnyPackageDigestTarget).ShouldHaveSingleItem();
        ((AnyPackageDigestTarget)digestOnly.Target).Digest.ToString().ShouldBe(Digest);
        digestOnly.Reason.Kind.ShouldBe(ReasonKind.HelmReleaseSuspended);
        digestOnly.Reason.Detail.ShouldStartWith("armer/apps/HelmRelease/web (");
        extraction.Protections.Select(p => p.Target).OfType<AnyPackageTagTarget>().Select(t => t.Tag).ShouldBe(tag is null ? [] : [tag]);
        extraction.Warnings.ShouldBeEmpty("the matcher reports digest-only values, with what they protected");
    }

    [Fact]
    public void Extract_DigestWithRepository_IsAWholeReferenceNotDigestOnly()
    {
        var extraction = Extract(Release($$$"""{"image":{"repository":"git.example.org/team/web","tag":"staging","digest":"{{{Digest}}}"}}""", "6.5.0"));

        extraction.Protections.Select(p => p.Target).OfType<AnyPackageDigestTarget>().ShouldBeEmpty();
        extraction.Protections.Select(p => p.Target).OfType<ImageTarget>().Select(t => t.Image.ToString()).ShouldContain($"git.example.org/team/web:staging@{Digest}");
    }

    [Fact]
    public void Extract_EmptyTagBeforeTheFirstInstall_WarnsThatTheChartDecides()
    {
        var extraction = Extract(Release("""{"image":{"repository":"git.example.org/team/web","tag":""}}""", "6.5.0"));

        var warning = extraction.Warnings.ShouldHaveSingleItem();
        warning.Kind.ShouldBe(WarningKind.DesiredState);
        warning.Detail.ShouldContain("never installed");
    }

    [Fact]
    public void Extract_EmptyTagAfterAnInstall_IsTheChartsAppVersionWithoutWarning()
    {
        var extraction = Extract(Release("""{"image":{"repository":"git.example.org/team/web","tag":""}}""", "6.5.0", appVersion: "2.4.1"));

        extraction.Warnings.ShouldBeEmpty();
        extraction.Protections.Select(p => p.Target).OfType<ImageTarget>().Select(t => t.Image.ToString()).ShouldContain("git.example.org/team/web:2.4.1");
    }

    [Theory]
    [InlineData(">=6.2.0 <6.3.0", "6.2.5")]
    [InlineData("~6.4", "6.4.1_build7")]
    [InlineData(null, "6.5.0")]
    public void Extract_ChartVersionRangeOnAnOciHelmRepository_IsThePolicySourceControllerWouldResolve(string? range, string picked)
    {
        var extraction = Extract(Release("{}", range));

        var chart = extraction.Protections.Select(p => p.Target).OfType<TagPolicyTarget>().ShouldHaveSingleItem();
        chart.Repository.ShouldBe("team/charts/podinfo");
        chart.Policy.ShouldBeOfType<HelmChartTags>().Pick(["6.1.0", "6.2.3", "6.2.5", "6.3.0", "6.4.1_build7", "6.5.0"]).Tags.ShouldBe([picked]);
    }

    [Fact]
    public void Extract_ExactChartVersion_IsTheTagItself()
    {
        var extraction = Extract(Release("{}", "6.5.0+build1"));

        extraction.Protections.Select(p => p.Target).OfType<ImageTarget>().Select(t => t.Image.ToString()).ShouldBe(["git.example.org/team/charts/podinfo:6.5.0_build1"]);
    }

    [Fact]
    public void Extract_ChartsInReleaseHistory_OnlyOlderRevisionsAreHistory()
    {
        var release = Release("{}", "6.5.0");
        release["status"] = JsonNode.Parse("""{"history":[{"chartName":"podinfo","chartVersion":"6.5.0"},{"chartName":"podinfo","chartVersion":"6.4.0"}]}""");

        var charts = Extract(release).Protections.Where(p => p.Target is ImageTarget).Select(p => (((ImageTarget)p.Target).Image.Tag, p.IsHistory)).Distinct();

        // An older revision's chart may rightly be gone: kept while it exists, never a dangling reference.
        charts.ShouldBe([("6.5.0", false), ("6.4.0", true)], ignoreOrder: true);
    }
}
