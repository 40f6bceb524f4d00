using System.Net.Sockets;
using System.Security.Authentication;
using System.Text.Json;

namespace OciCleanup.Pins;

/// <summary>
/// Says in a few words why a request failed (a registry's, a cluster's), keeping the cause an operator can act on
/// (<c>connection refused</c>, <c>name resolution failed</c>, <c>TLS …</c>, <c>timed out after 100 s</c>)
/// instead of the outermost wrapper's message. Never includes headers, so never a credential.
/// </summary>
public static class FailureCause
{
    /// <summary>The cause of <paramref name="error"/>; <paramref name="timeout"/> is the client's, for a request that timed out.</summary>
    public static string Describe(Exception error, TimeSpan? timeout = null)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return "connection refused";
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain }:
                    return "name resolution failed";
                case SocketException { SocketErrorCode: SocketError.ConnectionReset }:
                    return "connection reset by the server";
                case SocketException { SocketErrorCode: SocketError.TimedOut }:
                    return "connection timed out";
                case SocketException socket:
                    return $"network error: {socket.SocketErrorCode}";
                case AuthenticationException tls:
                    return $"TLS handshake failed: {tls.Message}";
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

        return $"{innermost.GetType().Name}: {FirstLine(innermost.Message)}";
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 200 ? line[..200] + "…" : line;
    }
}
