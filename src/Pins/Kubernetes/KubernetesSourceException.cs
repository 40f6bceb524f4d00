namespace OciCleanup.Pins.Kubernetes;

/// <summary>A cluster call failed; the message says which call and how, never a credential.</summary>
public sealed class KubernetesSourceException(string message, Exception? inner = null) : Exception(message, inner);
