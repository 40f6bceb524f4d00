using System.Net.Sockets;

namespace OciCleanup.Pins.Tests;

public class ErrorTextTests
{
    public static TheoryData<Exception, string> Errors() => new()
    {
        { new k8s.Exceptions.KubeConfigException("Context armer not found in the kubeconfig"), "Context armer not found in the kubeconfig" },
        { new InvalidDataException("kubeconfig /etc/oci-cleanup/kubeconfig is empty"), "kubeconfig /etc/oci-cleanup/kubeconfig is empty" },
        { new FileNotFoundException("kubeconfig file not found at /etc/oci-cleanup/kubeconfig"), "kubeconfig file not found at /etc/oci-cleanup/kubeconfig" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Of_KubeconfigProblem_IsItsMessageWithoutTheTypeName(Exception error, string expected)
    {
        ErrorText.Of(error).ShouldBe(expected);
    }

    [Fact]
    public void Of_ClusterRefusesTheConnection_NamesItsHostAndPort()
    {
        var error = new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:6443)", new SocketException((int)SocketError.ConnectionRefused));

        ErrorText.Of(error, new Uri("https://127.0.0.1:6443/")).ShouldBe("connection refused by 127.0.0.1:6443");
    }
}
