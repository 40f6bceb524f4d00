using System.IO.Compression;
using System.Text;

namespace OciCleanup.Pins.Tests.Kubernetes;

public class HelmReleaseSecretTests
{
    private static byte[] Encode(string json)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(json));
        }

        // What KubernetesClient hands over: the Secret's own base64 is already undone.
        return Encoding.ASCII.GetBytes(Convert.ToBase64String(buffer.ToArray()));
    }

    [Fact]
    public void Images_ManifestHooksAndValues_AllFound()
    {
        var release = new JsonObject
        {
            ["manifest"] = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: reg.io/web:1\n---\napiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: job\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: job\n              image: reg.io/job:2\n",
            ["hooks"] = new JsonArray(new JsonObject { ["manifest"] = "kind: Job\nmetadata:\n  name: migrate\nspec:\n  template:\n    spec:\n      containers:\n        - name: m\n          image: reg.io/migrate:3\n" }),
            ["config"] = new JsonObject { ["extra"] = new JsonObject { ["image"] = "reg.io/extra:4" } },
            ["info"] = new JsonObject { ["status"] = "deployed" },
        };

        var decoded = HelmReleaseSecret.Decode(Encode(release.ToJsonString()));

        HelmReleaseSecret.Images(decoded).Select(f => $"{f.Image} {f.Where}").ShouldBe(
            ["reg.io/web:1 Deployment/web/web", "reg.io/job:2 CronJob/job/job", "reg.io/migrate:3 Job/migrate/m", "reg.io/extra:4 values:extra.image"]);
    }

    [Fact]
    public void Decode_NotARelease_Throws()
    {
        Should.Throw<FormatException>(() => HelmReleaseSecret.Decode(Encoding.ASCII.GetBytes("not base64 !!")));
    }

    [Fact]
    public void Images_AliasBombInTheManifest_FailsInsteadOfSkippingOrExpanding()
    {
        var bomb = new System.Text.StringBuilder("kind: ConfigMap\nmetadata:\n  name: lol\ndata:\n  l0: &l0 lol\n");
        for (var i = 1; i <= 9; i++)
        {
            bomb.Append($"  l{i}: &l{i} [").AppendJoin(", ", Enumerable.Repeat($"*l{i - 1}", 10)).Append("]\n");
        }

        var release = new JsonObject { ["manifest"] = bomb.ToString(), ["info"] = new JsonObject { ["status"] = "deployed" } };

        Should.Throw<YamlDocumentException>(() => HelmReleaseSecret.Images(release).ToList()).Message.ShouldContain("nodes");
    }

    [Fact]
    public void Decode_GzipBomb_StopsAtTheSizeLimit()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i <= HelmReleaseSecret.MaxDecodedBytes / zeros.Length; i++)
            {
                gzip.Write(zeros);
            }
        }

        var payload = Encoding.ASCII.GetBytes(Convert.ToBase64String(buffer.ToArray()));

        Should.Throw<InvalidDataException>(() => HelmReleaseSecret.Decode(payload)).Message.ShouldContain("more than");
    }
}
