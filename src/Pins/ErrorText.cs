using k8s.Autorest;

namespace OciCleanup.Pins;

/// <summary>
/// An exception as one line for a failed source that keeps its cause: the transport's
/// (<see cref="FailureCause"/>: connection refused, name resolution, TLS, a timeout), the HTTP status
/// and path of a failed call, and the type and message chain of anything unexpected — with any
/// credential a server echoed masked (<see cref="Redaction"/>), as for a registry's errors.
/// </summary>
internal static class ErrorText
{
    public static string Of(Exception e) => Redaction.Apply(Unmasked(e));

    private static string Unmasked(Exception e) => e switch
    {
        HttpOperationException http => $"HTTP {(int)http.Response.StatusCode} {http.Response.StatusCode} on {http.Request?.RequestUri?.AbsolutePath ?? "?"}",
        // Their messages already name the object and the cause.
        Kubernetes.KubernetesSourceException or Kubernetes.YamlDocumentException => e.Message,
        HttpRequestException or OperationCanceledException or IOException => FailureCause.Describe(e),
        _ => $"{e.GetType().Name}: {Chain(e)}",
    };

    private static string Chain(Exception e)
    {
        var text = e.Message;
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (!text.Contains(inner.Message, StringComparison.Ordinal))
            {
                text += ": " + inner.Message;
            }
        }

        return text;
    }
}
