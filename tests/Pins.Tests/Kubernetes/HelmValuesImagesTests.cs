namespace OciCleanup.Pins.Tests.Kubernetes;

public class HelmValuesImagesTests
{
    private const string Digest = "sha256:cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd";

    private static string[] Images(string yaml, string? appVersion = null) =>
        [.. HelmValuesImages.Of(YamlDocuments.Parse(yaml)[0], appVersion).Select(f => f.Image)];

    [Theory]
    [InlineData("image: reg.io/app:v1", "reg.io/app:v1")]
    [InlineData("sidecarImage: reg.io/side:2", "reg.io/side:2")]
    [InlineData("image:\n  repository: reg.io/app\n  tag: staging\n  digest: \"\"", "reg.io/app:staging")]
    [InlineData("image:\n  repository: reg.io/app\n  tag: v1\n  digest: sha256:aaaa", "reg.io/app:v1@sha256:aaaa")]
    [InlineData("image:\n  registry: reg.io\n  repository: team/app\n  tag: '1.10'", "reg.io/team/app:1.10")]
    [InlineData("image:\n  repository: reg.io/app\n  version: 3.1", "reg.io/app:3.1")]
    [InlineData("image:\n  repository: reg.io/app\n  tag: ''", "reg.io/app:9.9.9")]
    [InlineData("global:\n  imageRegistry: mirror.lan\nimage:\n  registry: docker.io\n  repository: bitnami/redis\n  tag: '7'", "mirror.lan/bitnami/redis:7")]
    [InlineData("workers:\n  - name: a\n    image: reg.io/w:1\n  - name: b\n    image:\n      repository: reg.io/w\n      tag: '2'", "reg.io/w:1|reg.io/w:2")]
    [InlineData("deep:\n  nested:\n    api:\n      image:\n        image: reg.io/api\n        tag: v4", "reg.io/api:v4")]
    [InlineData("replicas: 2\nservice:\n  port: 80", "")]
    public void Of_CommonValueShapes_FindsImages(string yaml, string expected)
    {
        Images(yaml, appVersion: "9.9.9").ShouldBe(expected.Length == 0 ? [] : expected.Split('|'), ignoreOrder: true);
    }

    // What the heuristic cannot complete, as `path tag digest` (`-` for none); SPEC §5a.
    [Theory]
    [InlineData("image:\n  tag: '0.1.12'\n  digest: ''", "image 0.1.12 -")]
    [InlineData("image:\n  tag: staging\n  digest: %D", "image staging %D")]
    [InlineData("image:\n  tag: ''\n  digest: %D", "image - %D")]
    [InlineData("image:\n  digest: %D", "image - %D")]
    [InlineData("api:\n  image:\n    version: staging\n    digest: %D", "api.image staging %D")]
    [InlineData("image:\n  repository: reg.io/app\n  tag: staging\n  digest: %D", "")]
    [InlineData("image:\n  tag: staging\n  digest: 'not-a-digest'", "")]
    [InlineData("image:\n  repository: reg.io/app\n  tag: ''", "image - -")]
    public void Partial_ValuesWithoutRepository_TagOnlyDigestOnlyOrNeverInstalled(string yaml, string expected)
    {
        var partial = HelmValuesImages.Partial(YamlDocuments.Parse(yaml.Replace("%D", Digest, StringComparison.Ordinal))[0], appVersion: null)
            .Select(p => $"{p.Path} {p.Tag ?? "-"} {p.Digest?.ToString() ?? "-"}");

        partial.ShouldBe(expected.Length == 0 ? [] : [expected.Replace("%D", Digest, StringComparison.Ordinal)]);
    }

    [Fact]
    public void Merge_ValuesFromThenInline_InlineWinsAndTargetPathSets()
    {
        var fromConfigMap = new ValuesReference(YamlDocuments.Parse("image:\n  repository: reg.io/app\n  tag: from-configmap\nkeep: me")[0], null, null);
        var target = new ValuesReference(null, "sidecar.image", "reg.io/side:t");
        var inline = JsonNode.Parse("""{"image":{"tag":"inline"}}""");

        var merged = HelmReleaseValues.Merge([fromConfigMap, target], inline);

        JsonTree.At(merged, "image.tag").ShouldBe("inline");
        JsonTree.At(merged, "image.repository").ShouldBe("reg.io/app");
        JsonTree.At(merged, "keep").ShouldBe("me");
        JsonTree.At(merged, "sidecar.image").ShouldBe("reg.io/side:t");
    }

    [Fact]
    public void Of_FiveMegabyteValuesTree_ReadCompletely()
    {
        var yaml = new System.Text.StringBuilder();
        var services = 0;
        while (yaml.Length < 5 * 1024 * 1024)
        {
            yaml.Append($"service{services}:\n  replicas: 2\n  image:\n    repository: reg.io/team/service-{services}\n    tag: v{services}\n  env:\n    - name: A\n      value: \"{new string('x', 40)}\"\n");
            services++;
        }

        var images = HelmValuesImages.Of(YamlDocuments.Parse(yaml.ToString())[0], null).ToList();

        images.Count.ShouldBe(services);
        images[^1].ShouldBe(new FoundImage($"reg.io/team/service-{services - 1}:v{services - 1}", $"service{services - 1}.image"));
    }

    [Fact]
    public void Of_TreeFarDeeperThanAnyParserAllows_WalkedWithoutOverflowingTheStack()
    {
        // Built from the leaf up: attaching a child below a deep parent walks all its ancestors.
        JsonNode root = new JsonObject { ["image"] = "reg.io/deep:1" };
        for (var i = 199_999; i >= 0; i--)
        {
            root = new JsonObject { [i % 2 == 0 ? "a" : "b"] = i % 1000 == 0 ? new JsonArray(root) : root };
        }

        var found = HelmValuesImages.Of(root, null).ShouldHaveSingleItem();

        found.Image.ShouldBe("reg.io/deep:1");
        found.Where.ShouldStartWith("a[0].b.a.b");
        found.Where.ShouldEndWith(".image");
        JsonTree.ManifestImages(root).ShouldHaveSingleItem().Image.ShouldBe("reg.io/deep:1");
    }
}
