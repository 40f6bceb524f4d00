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
    /// <summary>The text of <paramref name="e"/>; <paramref name="target"/> (the cluster's API address) names the server a connection failed to.</summary>
    public static string Of(Exception e, Uri? target = null) => Redaction.Apply(Unmasked(e, target));

    private static string Unmasked(Exception e, Uri? target) => e switch
    {
        HttpOperationException http => $"HTTP {(int)http.Response.StatusCode} {http.Response.StatusCode} on {http.Request?.RequestUri?.AbsolutePath ?? "?"}",
        // Their messages already name the object and the cause.
        Kubernetes.KubernetesSourceException or Kubernetes.YamlDocumentException => e.Message,
        // A kubeconfig that is empty or names no such context: the message says it; the .NET type name would not help.
        k8s.Exceptions.KubeConfigException or InvalidDataException => Chain(e),
        HttpRequestException or OperationCanceledException or IOException => FailureCause.Describe(e, target: target),
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
