namespace OciCleanup.Pins.Tests.DesiredState;

public class KustomizationImagesTests
{
    private const string Digest = "sha256:4f5a000000000000000000000000000000000000000000000000000000000000";

    [Theory]
    [InlineData("""{"name":"gitea.d-ma.be/mathias/supervisor","newTag":"5683e0d"}""", "gitea.d-ma.be/mathias/supervisor:5683e0d")]
    [InlineData("""{"name":"supervisor","newName":"gitea.d-ma.be/mathias/supervisor","newTag":"5683e0d"}""", "gitea.d-ma.be/mathias/supervisor:5683e0d")]
    [InlineData($$"""{"name":"gitea.d-ma.be/mathias/supervisor","digest":"{{Digest}}"}""", $"gitea.d-ma.be/mathias/supervisor@{Digest}")]
    // kustomize writes both when both are set; the digest decides the pull, the tag is kept too
    [InlineData($$"""{"name":"gitea.d-ma.be/mathias/supervisor","newTag":"5683e0d","digest":"{{Digest}}"}""", $"gitea.d-ma.be/mathias/supervisor:5683e0d@{Digest}")]
    public void Of_Image_TheReferenceKustomizeWrites(string image, string expected)
    {
        var found = KustomizationImages.Of("armer", Kustomization(image, suspend: false));

        var protection = found.Protections.ShouldHaveSingleItem();
        protection.Target.ShouldBeOfType<ImageTarget>().Image.ToString().ShouldBe(expected);
        protection.Reason.ShouldBe(new ProtectionReason(ReasonKind.Kustomization, new ClusterObjectOrigin("armer", "flux-system", "Kustomization", "supervisor") { At = "spec.images[0]" }));
        found.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Of_Suspended_ProtectsTheSameAndSaysSuspended()
    {
        var found = KustomizationImages.Of("armer", Kustomization("""{"name":"gitea.d-ma.be/mathias/supervisor","newTag":"5683e0d"}""", suspend: true));

        var protection = found.Protections.ShouldHaveSingleItem();
        protection.Target.ShouldBeOfType<ImageTarget>().Image.Tag.ShouldBe("5683e0d");
        protection.Reason.Kind.ShouldBe(ReasonKind.Kustomization);
        protection.Reason.Detail.ShouldBe("armer/flux-system/Kustomization/supervisor (spec.images[0], suspended)");
    }

    [Fact]
    public void Of_OnlyNewName_WarnsThatTheTagIsInTheManifests()
    {
        var found = KustomizationImages.Of("armer", Kustomization("""{"name":"supervisor","newName":"gitea.d-ma.be/mathias/supervisor"}""", suspend: false));

        found.Protections.ShouldBeEmpty();
        found.Warnings.ShouldHaveSingleItem().ShouldBe(new SourceWarning(WarningKind.DesiredState, "armer/flux-system/Kustomization/supervisor (spec.images[0]): sets no newTag or digest for gitea.d-ma.be/mathias/supervisor: the tag comes from the manifests, which oci-cleanup does not read"));
    }

    [Fact]
    public void Of_NotAnImage_WarnsAndGoesOn()
    {
        var found = KustomizationImages.Of("armer", Kustomization("""{"name":"Bad Name","newTag":"1"},{"name":"gitea.d-ma.be/a/b","newTag":"2"}""", suspend: false));

        found.Protections.ShouldHaveSingleItem().Target.ShouldBeOfType<ImageTarget>().Image.Repository.ShouldBe("a/b");
        found.Warnings.ShouldHaveSingleItem().Detail.ShouldContain("spec.images[0]");
    }

    [Fact]
    public void Of_NoImages_Nothing()
    {
        var found = KustomizationImages.Of("armer", JsonNode.Parse("""{"metadata":{"name":"apps","namespace":"flux-system"},"spec":{"path":"./apps"}}""")!);

        found.Protections.ShouldBeEmpty();
        found.Warnings.ShouldBeEmpty();
    }

    private static JsonNode Kustomization(string images, bool suspend) =>
        JsonNode.Parse($$$"""{"metadata":{"name":"supervisor","namespace":"flux-system"},"spec":{"suspend":{{{(suspend ? "true" : "false")}}},"path":"./deploy","images":[{{{images}}}]}}""")!;
}
