using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OciCleanup.Integration.Tests.Support;

/// <summary>
/// A self-signed certificate for 127.0.0.1, and a PEM file of it that the cleaner process trusts
/// through <c>SSL_CERT_FILE</c> (.NET on Linux reads its root store from there): an https registry on loopback.
/// </summary>
internal static class LoopbackCertificate
{
    public static X509Certificate2 Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.KeyCertSign, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Kestrel needs the key in a form SslStream can use on every platform: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>Writes the certificate as the only trusted root; pass the path as <c>SSL_CERT_FILE</c>.</summary>
    public static string WriteTrustFile(X509Certificate2 certificate, TempFolder folder) =>
        folder.Write("loopback-ca.pem", certificate.ExportCertificatePem());
}
