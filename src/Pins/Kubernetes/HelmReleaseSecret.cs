using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Pins.Kubernetes;

/// <summary>
/// A Helm release Secret (<c>sh.helm.release.v1.&lt;release&gt;.v&lt;N&gt;</c>, type <c>helm.sh/release.v1</c>):
/// <c>data.release</c> is base64(gzip(JSON)) inside the Secret's own base64, which the Kubernetes
/// client already undid. Images come from <c>manifest</c>, <c>hooks[].manifest</c> and the values in
/// <c>config</c>; a manifest that is not readable YAML throws <see cref="YamlDocumentException"/>. Decoded payloads may hold secrets: they are never logged or kept.
/// </summary>
public static class HelmReleaseSecret
{
    /// <summary>The Secret type Helm stores releases under.</summary>
    public const string Type = "helm.sh/release.v1";

    /// <summary>The most a release may decompress to; a gzip bomb stops here.</summary>
    public const int MaxDecodedBytes = 128 * 1024 * 1024;

    /// <summary>
    /// Decodes <c>data.release</c>; throws <see cref="FormatException"/>, <see cref="InvalidDataException"/>
    /// (also past <see cref="MaxDecodedBytes"/>) or <see cref="System.Text.Json.JsonException"/> when it is not a readable release.
    /// </summary>
    public static JsonNode Decode(byte[] release)
    {
        var gzipped = Convert.FromBase64String(Encoding.ASCII.GetString(release));
        using var input = new GZipStream(new MemoryStream(gzipped), CompressionMode.Decompress);
        using var json = new MemoryStream();
        var buffer = new byte[81920];
        for (int read; (read = input.Read(buffer)) > 0;)
        {
            if (json.Length + read > MaxDecodedBytes)
            {
                throw new InvalidDataException($"the release decompresses to more than {MaxDecodedBytes} bytes");
            }

            json.Write(buffer, 0, read);
        }

        return JsonNode.Parse(json.GetBuffer().AsSpan(0, (int)json.Length)) ?? throw new FormatException("empty Helm release");
    }

    /// <summary>The images of one decoded release revision.</summary>
    public static IEnumerable<FoundImage> Images(JsonNode release)
    {
        var manifests = new[] { JsonTree.At(release, "manifest") }
            .Concat((JsonTree.Node(release, "hooks") as JsonArray ?? []).Select(h => JsonTree.At(h, "manifest")))
            .OfType<string>();
        foreach (var manifest in manifests)
        {
            // A manifest that cannot be read throws: skipping it would drop what it runs.
            foreach (var document in YamlDocuments.Parse(manifest))
            {
                var kind = JsonTree.At(document, "kind") ?? "?";
                var name = JsonTree.At(document, "metadata.name") ?? "?";
                foreach (var found in JsonTree.ManifestImages(document))
                {
                    yield return found with { Where = $"{kind}/{name}/{found.Where}" };
                }
            }
        }

        var appVersion = JsonTree.At(release, "chart.metadata.appVersion");
        foreach (var found in HelmValuesImages.Of(JsonTree.Node(release, "config"), appVersion))
        {
            yield return found with { Where = "values:" + found.Where };
        }
    }

    /// <summary>Protections from one release Secret; revisions other than the deployed one are rollback targets.</summary>
    public static IEnumerable<Protection.Protection> Protect(string cluster, string @namespace, string secretName, JsonNode release)
    {
        var status = JsonTree.At(release, "info.status");
        var kind = status == "deployed" ? ReasonKind.HelmRelease : ReasonKind.ReplicaSetHistory;
        var origin = Provenance.Origin(cluster, @namespace, "Secret", secretName);
        return FoundImage.Protect(Images(release), kind, f => origin with { At = f.Where });
    }
}
