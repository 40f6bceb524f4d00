using System.Net.Sockets;
using System.Security.Authentication;
using System.Text.Json;

namespace OciCleanup.Pins;

/// <summary>
/// Says in a few words why a request failed (a registry's, a cluster's), keeping the cause an operator can act on
/// (<c>connection refused</c>, <c>name resolution failed</c>, <c>TLS …</c>, <c>timed out after 100 s</c>)
/// instead of the outermost wrapper's message. Never includes headers, and a credential a server echoed
/// into a body that a message quotes is masked (<see cref="Redaction"/>). A failure to reach the server
/// names it (<c>connection refused by git.example.org:443</c>): .NET's exception has no URI, so the caller
/// passes the address it sent to, of which only host and port are shown (never user info, path or query,
/// which may carry a token).
/// </summary>
public static class FailureCause
{
    /// <summary>
    /// The cause of <paramref name="error"/>; <paramref name="timeout"/> is the client's, for a request that timed out;
    /// <paramref name="target"/> is where the request went (the client's base address will do).
    /// </summary>
    public static string Describe(Exception error, TimeSpan? timeout = null, Uri? target = null) => Redaction.Apply(Unmasked(error, timeout, target));

    private static string Unmasked(Exception error, TimeSpan? timeout, Uri? target)
    {
        var at = target is { IsAbsoluteUri: true } ? $"{target.IdnHost}:{target.Port}" : null;
        var by = at is null ? "" : $" by {at}";
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return $"connection refused{by}";
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain }:
                    return at is null ? "name resolution failed" : $"name resolution failed for {target!.IdnHost} (port {target.Port})";
                case SocketException { SocketErrorCode: SocketError.ConnectionReset }:
                    return at is null ? "connection reset by the server" : $"connection reset{by}";
                case SocketException { SocketErrorCode: SocketError.TimedOut }:
                    return at is null ? "connection timed out" : $"connection to {at} timed out";
                case SocketException socket:
                    return at is null ? $"network error: {socket.SocketErrorCode}" : $"network error talking to {at}: {socket.SocketErrorCode}";
                case AuthenticationException tls:
                    return at is null ? $"TLS handshake failed: {tls.Message}" : $"TLS handshake with {at} failed: {tls.Message}";
                case TimeoutException:
                    return timeout is { } t ? $"timed out after {t.TotalSeconds:0} s" : "timed out";
                case JsonException json:
                    return $"the body is not the JSON expected ({FirstLine(json.Message)})";
                case ResponseBodyException bound:
                    return bound.Message;
                case HttpIOException io:
                    return $"the response was cut short ({io.HttpRequestError}: {FirstLine(io.Message)})";
            }
        }

        // A cancelled HttpClient request without a TimeoutException inside is still a timeout when
        // the caller's own token was not cancelled; the caller decides that and passes the timeout.
        if (error is TaskCanceledException or OperationCanceledException)
        {
            return timeout is { } limit ? $"timed out after {limit.TotalSeconds:0} s" : "cancelled";
        }

        var innermost = error;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        // A file that is missing or unreadable (a kubeconfig) says so in its message; a .NET type name would add nothing a person can act on.
        return innermost is IOException or UnauthorizedAccessException
            ? FirstLine(innermost.Message)
            : $"{innermost.GetType().Name}: {FirstLine(innermost.Message)}";
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 200 ? line[..200] + "…" : line;
    }
}
