using System.Net.Sockets;
using System.Security.Authentication;

namespace OciCleanup.Cleaner.Tests;

public class ErrorCauseTests
{
    public static TheoryData<Exception, string> Causes() => new()
    {
        { new HttpRequestException("Connection refused (git.example.org:443)", new SocketException((int)SocketError.ConnectionRefused)), "connection refused" },
        { new HttpRequestException("Name or service not known (git.example.org:443)", new SocketException((int)SocketError.HostNotFound)), "name resolution failed" },
        { new HttpRequestException("The SSL connection could not be established", new AuthenticationException("The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot")), "TLS handshake failed: The remote certificate is invalid" },
        { new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.", new TimeoutException("The operation was canceled.")), "timed out after 100 s" },
        { new Polly.Timeout.TimeoutRejectedException("timeout", TimeSpan.FromSeconds(30)), "timed out after 30 s" },
        { new HttpRequestException("An error occurred while sending the request.", new IOException("The response ended prematurely.", new SocketException((int)SocketError.ConnectionReset))), "connection reset by the server" },
        { new System.Text.Json.JsonException("'<' is an invalid start of a value."), "the body is not the JSON expected ('<' is an invalid start of a value.)" },
    };

    [Theory]
    [MemberData(nameof(Causes))]
    public void Describe_KeepsTheCauseAnOperatorCanActOn(Exception error, string expected)
    {
        ErrorCause.Describe(error, TimeSpan.FromSeconds(100)).ShouldStartWith(expected);
    }

    public static TheoryData<Exception, string> Unreachable() => new()
    {
        { new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (git.example.org:443)", new SocketException((int)SocketError.ConnectionRefused)), "connection refused by git.example.org:443" },
        { new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known (git.example.org:443)", new SocketException((int)SocketError.HostNotFound)), "name resolution failed for git.example.org (port 443)" },
        { new HttpRequestException("The SSL connection could not be established", new AuthenticationException("The remote certificate is invalid")), "TLS handshake with git.example.org:443 failed: The remote certificate is invalid" },
        { new HttpRequestException("Connection timed out", new SocketException((int)SocketError.TimedOut)), "connection to git.example.org:443 timed out" },
    };

    [Theory]
    [MemberData(nameof(Unreachable))]
    public void Describe_ServerNotReached_NamesHostAndPortButNeverUserInfoOrQuery(Exception error, string expected)
    {
        var target = new Uri("https://oci-cleanup:s3cret@git.example.org/v2/_catalog?n=1000&token=abc");

        var text = ErrorCause.Describe(error, TimeSpan.FromSeconds(100), target);

        text.ShouldBe(expected);
        text.ShouldNotContain("s3cret");
        text.ShouldNotContain("token=");
    }

    [Theory]
    [InlineData(typeof(FileNotFoundException), "kubeconfig file not found at /etc/oci-cleanup/kubeconfig")]
    [InlineData(typeof(DirectoryNotFoundException), "Could not find a part of the path '/nonexistent/kubeconfig'.")]
    [InlineData(typeof(UnauthorizedAccessException), "Access to the path '/etc/oci-cleanup/kubeconfig' is denied.")]
    public void Describe_FileProblem_IsItsMessageWithoutTheTypeName(Type type, string message)
    {
        var error = (Exception)Activator.CreateInstance(type, message)!;

        ErrorCause.Describe(new InvalidOperationException("outer", error)).ShouldBe(message);
    }

    [Fact]
    public void Describe_UnknownError_NamesTheInnermostTypeAndMessage()
    {
        ErrorCause.Describe(new InvalidOperationException("outer", new FormatException("bad digest\nsecond line"))).ShouldBe("FormatException: bad digest");
    }
}
