using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OciCleanup.Cleaner.Commands;

namespace OciCleanup.Cleaner.Tests.Configuration;

public sealed class KubeconfigTests
{
    [Fact]
    public void Kubeconfig_ContextAndRelativeCertificate_ReadAsKubectlWould()
    {
        // A CA file next to the kubeconfig, named relatively, as k3s and kubeadm setups often have it.
        using var folder = new TempFolder();
        using var key = ECDsa.Create();
        using var ca = new CertificateRequest("CN=test-ca", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        folder.Write("ca.crt", ca.ExportCertificatePem());
        var kubeconfig = folder.Write("config", """
            apiVersion: v1
            kind: Config
            current-context: other
            clusters:
              - name: armer
                cluster: {server: "https://armer.lan:6443", certificate-authority: ca.crt}
              - name: other
                cluster: {server: "https://other.lan:6443", insecure-skip-tls-verify: true}
            users:
              - name: cleaner
                user: {token: s3cret}
            contexts:
              - name: armer
                context: {cluster: armer, user: cleaner, namespace: flux-system}
              - name: other
                context: {cluster: other, user: cleaner}
            """);

        var config = ClusterSources.Kubeconfig(kubeconfig, "armer");

        config.Host.ShouldBe("https://armer.lan:6443");
        config.AccessToken.ShouldBe("s3cret");
        config.SslCaCerts.ShouldNotBeNull().Cast<X509Certificate2>().ShouldHaveSingleItem().Subject.ShouldBe("CN=test-ca");
    }

    [Fact]
    public void Kubeconfig_Missing_FailsNamingThePath()
    {
        const string missing = "/nonexistent/kubeconfig";

        Should.Throw<FileNotFoundException>(() => ClusterSources.Kubeconfig(missing, null)).Message.ShouldContain(missing);
    }
}
