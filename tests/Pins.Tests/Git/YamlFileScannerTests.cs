using OciCleanup.Pins.Git;

namespace OciCleanup.Pins.Tests.Git;

public class YamlFileScannerTests
{
    [Fact]
    public void Scan_PodWithEveryContainerKind_EachImageAtItsLine()
    {
        var scan = YamlFileScanner.Scan("infra", "apps/pod.yaml", """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              initContainers:
                - {name: init, image: "registry.example.org/team/init:1"}
              containers:
                - name: app
                  image: registry.example.org/team/app:2
              ephemeralContainers:
                - {name: debug, image: "registry.example.org/team/debug:3"}
              volumes:
                - name: data
                  image: {reference: "registry.example.org/team/data:4"}
            """, "infra@abc1234:apps/pod.yaml");

        scan.Findings.Select(f => (((ImageTarget)f.Target!).Image.Tag, f.Line)).ShouldBe([("1", 6), ("2", 9), ("3", 11), ("4", 14)], ignoreOrder: true);
    }

    [Fact]
    public void Scan_SecondDocument_LinesCountFromTheFile()
    {
        var scan = YamlFileScanner.Scan("infra", "a.yaml", "kind: ConfigMap\n---\nkind: Pod\nspec:\n  containers:\n    - image: registry.example.org/team/app:5\n", "o");

        scan.Findings.ShouldHaveSingleItem().Line.ShouldBe(6);
    }

    [Theory]
    [InlineData("""# {"$imagepolicy": "flux-system:api"}""")]
    [InlineData("""# {"$imagepolicy": "flux-system:api:tag"}""")]
    public void Scan_Marker_NamesThePolicyAtItsLine(string marker)
    {
        var scan = YamlFileScanner.Scan("infra", "a.yaml", $"kind: Custom\nspec:\n  version: 1.2.3 {marker}\n", "o");

        var finding = scan.Findings.ShouldHaveSingleItem();
        (finding.Policy, finding.Line).ShouldBe(("flux-system/api", 3));
    }

    [Fact]
    public void Scan_DigestOnlyHelmValues_ProtectsTheDigestInEveryPackage()
    {
        var scan = YamlFileScanner.Scan("infra", "r.yaml", """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: api, namespace: kotkan}
            spec:
              values:
                image:
                  tag: staging
                  digest: sha256:4f5a000000000000000000000000000000000000000000000000000000000000
            """, "o");

        scan.Findings.Select(f => f.Target).OfType<AnyPackageDigestTarget>().ShouldHaveSingleItem();
        scan.Findings.Single(f => f.Target is AnyPackageDigestTarget).Line.ShouldBe(8);
    }

    [Fact]
    public void Scan_KustomizationImageWithoutTag_NoWarningTheManifestsAreReadToo()
    {
        var scan = YamlFileScanner.Scan("infra", "overlay/kustomization.yaml", "images:\n  - name: registry.example.org/team/api\n    newName: registry.example.org/team/api2\n", "o");

        scan.Findings.ShouldBeEmpty();
        scan.Warnings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("apps/api.yaml", true)]
    [InlineData("apps/sub/api.yml", true)]
    [InlineData("apps/README.md", false)]
    [InlineData("appsx/api.yaml", false)]
    public void Reads_UnderPaths_OnlyYamlInTheFolders(string path, bool read)
    {
        new GitPaths(["apps/"]).Reads(path).ShouldBe(read);
    }
}
