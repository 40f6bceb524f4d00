using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace OciCleanup.Integration.Tests.Support;

/// <summary>Helm release Secrets as Helm writes them: data.release = base64(gzip(JSON)), inside the Secret's own base64.</summary>
internal static class HelmReleaseSecrets
{
    public static string Yaml(string ns, string release, int revision, string status, string manifest, object? config = null)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new
        {
            name = release,
            @namespace = ns,
            version = revision,
            info = new { status },
            chart = new { metadata = new { name = "podinfo", appVersion = "6.5.0" } },
            config = config ?? new { },
            manifest,
            hooks = Array.Empty<object>(),
        });
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(json);
        }

        var helmEncoded = Convert.ToBase64String(buffer.ToArray());
        var secretData = Convert.ToBase64String(Encoding.ASCII.GetBytes(helmEncoded));
        return $"""
            apiVersion: v1
            kind: Secret
            metadata:
              name: sh.helm.release.v1.{release}.v{revision}
              namespace: {ns}
              labels: {"{"}owner: helm, name: {release}, status: {status}, version: "{revision}"{"}"}
            type: helm.sh/release.v1
            data:
              release: {secretData}
            """;
    }
}
