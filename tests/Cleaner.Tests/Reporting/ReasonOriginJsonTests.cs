using System.Text.Json;

namespace OciCleanup.Cleaner.Tests.Reporting;

/// <summary>A reason's origin survives the JSON report: what `history`, `report` and `diff` read is what the run knew.</summary>
public class ReasonOriginJsonTests
{
    public static TheoryData<string, ReasonOrigin> Origins => new()
    {
        { "pin", Support.Origins.Pin() },
        { "workload", Support.Origins.Live("kotkan", "Deployment", "web", "app") },
        { "helmrelease", Support.Origins.Live("kotkan", "HelmRelease", "web") with { At = "image.tag", Only = ImagePart.Tag, UnconfiguredHost = "mirror.example" } },
        { "kustomization", Support.Origins.Live("", "Kustomization", "apps") with { At = "spec.images[0]", Suspended = true } },
        { "imagepolicy", Support.Origins.Live("kotkan", "ImagePolicy", "web") with { Pick = new(["0.1.2", "0.1.3"], "semver '>=0.1'"), UnconfiguredHost = "mirror.example" } },
        { "git", new GitOrigin("infra", "3f2a9c1d0e5b", "apps/api.yaml", 12, AtHead: true) },
        { "rollback", new RollbackOrigin("armer", "kotkan", "Deployment", "api", new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero), 2) },
        { "index-child", new DerivedOrigin("v5", Some.Digest("v5")) },
        { "keep-last", new RankOrigin(1, 3) },
        { "retention", new RetentionOrigin("older than 14 days and not among the newest 3", AgeFromFirstSeen: true) },
    };

    [Theory]
    [MemberData(nameof(Origins))]
    public void ReadBack_EveryOrigin_IsTheSameOriginAndDetail(string kind, ReasonOrigin origin)
    {
        var read = JsonReportReader.Read(JsonReportWriter.Write(Report(new ReasonEntry(kind, origin)))).Decisions[0].Reasons[0];

        read.Origin.ShouldBe(origin);
        read.Detail.ShouldBe(origin.Detail);
    }

    [Fact]
    public void Write_ClusterOrigin_IsNamedFieldsWithoutRenderings()
    {
        var origin = Support.Origins.Live("kotkan", "HelmRelease", "web") with { At = "image", Only = ImagePart.Digest };

        using var json = JsonDocument.Parse(JsonReportWriter.Write(Report(new ReasonEntry("helmrelease", origin))));

        var written = json.RootElement.GetProperty("decisions")[0].GetProperty("reasons")[0].GetProperty("origin");
        written.EnumerateObject().Select(p => $"{p.Name}={p.Value}").ShouldBe(
            ["type=cluster", "cluster=armer", "namespace=kotkan", "kind=HelmRelease", "name=web", "at=image", "only=Digest"]);
    }

    [Fact]
    public void Read_ReasonWrittenBeforeOrigins_KeepsItsTextAndWritesNoOrigin()
    {
        var written = JsonReportWriter.Write(Report(new ReasonEntry("workload", Support.Origins.Live("kotkan", "Deployment", "web", "app"))));
        using var json = JsonDocument.Parse(written);
        var old = written.Replace(json.RootElement.GetProperty("decisions")[0].GetProperty("reasons")[0].GetProperty("origin").GetRawText(), "null", StringComparison.Ordinal);

        var read = JsonReportReader.Read(old).Decisions[0].Reasons[0];

        read.Origin.ShouldBe(new TextOrigin("armer/kotkan/Deployment/web/app"));
        JsonReportWriter.Write(JsonReportReader.Read(old)).ShouldNotContain("\"origin\"");
    }

    [Theory]
    [InlineData("""{"type":"sbom","file":"x"}""")]
    [InlineData("""{"type":"pins","file":"x","line":"three"}""")]
    public void Read_OriginThisVersionCannotRead_KeepsTheReasonsWords(string origin)
    {
        var written = JsonReportWriter.Write(Report(new ReasonEntry("pin", Support.Origins.Pin())));
        using var json = JsonDocument.Parse(written);
        var newer = written.Replace(json.RootElement.GetProperty("decisions")[0].GetProperty("reasons")[0].GetProperty("origin").GetRawText(), origin, StringComparison.Ordinal);

        var read = JsonReportReader.Read(newer).Decisions[0].Reasons[0];

        read.Origin.ShouldBe(new TextOrigin(Support.Origins.Pin().Detail));
    }

    private static RunReport Report(ReasonEntry reason) =>
        new(1, "dry-run", Some.Now, Some.Now, [],
            [new DecisionEntry(new VersionRef("main", "oleks", "container", "web", "1.0", null), Some.Now, "keep", [reason])],
            new Summary(1, 1, 0, 0, 0, false, null));
}
