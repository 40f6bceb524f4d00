using OciCleanup.Pins.PinsFiles;

namespace OciCleanup.Pins.Tests.Protection;

public class ProtectedSetTests
{
    [Fact]
    public void Merge_SameReferenceFromTwoSources_KeptOnceAndEverySourceListed()
    {
        var image = new ImageTarget(ImageReference.Parse("git.example.org/oleks/app:v1"));
        var why = new ProtectionReason(ReasonKind.Workload, new ClusterObjectOrigin("armer", "kotkan", "Deployment", "app", "app"));
        var a = SourceResult.Ok("cluster:armer", [new(image, why)]);
        var b = SourceResult.Ok("cluster:armer-2", [new(image, why), new(image, new ProtectionReason(ReasonKind.HelmReleaseSuspended, new ClusterObjectOrigin("armer", "kotkan", "HelmRelease", "app")))]);

        var set = ProtectedSet.Merge([a, b]);

        set.Protections.Length.ShouldBe(2);
        set.Sources.Select(s => s.Name).ShouldBe(["cluster:armer", "cluster:armer-2"]);
        set.FailedSources.ShouldBeEmpty();
    }

    [Fact]
    public async Task Merge_InvalidPinsFile_IsAFailedSource()
    {
        var file = PinsFileParser.Parse("pins.txt", "container/ok==1\nnot a pin\n");

        var set = ProtectedSet.Merge([await new PinsFileSource(file).CollectAsync(CancellationToken.None)]);

        set.Protections.ShouldBeEmpty();
        set.FailedSources.ShouldHaveSingleItem().Error!.ShouldContain("pins.txt:2:");
    }
}
