using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OciCleanup.TestServers.GitHub;

/// <summary>Manifest bodies ghcr.io holds besides images and indexes: cosign's tag-attached signatures.</summary>
public static class GhcrManifests
{
    /// <summary>cosign's tag for the signature of <paramref name="subjectDigest"/>: <c>sha256-HEX.sig</c>.</summary>
    public static string SignatureTag(string subjectDigest) => subjectDigest.Replace(':', '-') + ".sig";

    /// <summary>A signature manifest shaped as cosign writes one: a simple-signing layer carrying the signature annotation.</summary>
    public static StoredManifest CosignSignature(string subjectDigest)
    {
        static string Sha(string text) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var json = JsonSerializer.Serialize(new
        {
            schemaVersion = 2,
            mediaType = StoredManifest.OciManifest,
            config = new { mediaType = "application/vnd.oci.image.config.v1+json", digest = Sha("sig-config:" + subjectDigest), size = 233 },
            layers = new[]
            {
                new
                {
                    mediaType = "application/vnd.dev.cosign.simplesigning.v1+json",
                    digest = Sha("sig-payload:" + subjectDigest),
                    size = 250,
                    annotations = new Dictionary<string, string> { ["dev.cosignproject.cosign/signature"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("signature of " + subjectDigest)) },
                },
            },
        });
        return new StoredManifest(Encoding.UTF8.GetBytes(json), StoredManifest.OciManifest);
    }
}
