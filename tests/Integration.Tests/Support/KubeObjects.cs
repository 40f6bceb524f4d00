namespace OciCleanup.Integration.Tests.Support;

/// <summary>Kubernetes objects as YAML, for the cluster test server and for files in a git repository.</summary>
internal static class KubeObjects
{
    /// <summary>A Deployment with one container named as the Deployment; without <paramref name="ns"/> it has no namespace key.</summary>
    public static string Deployment(string name, string image, string? ns = null)
    {
        var namespaceLine = ns is null ? "" : $"\n  namespace: {ns}";
        return $"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {name}{namespaceLine}
            spec:
              template:
                spec:
                  containers:
                    - name: {name}
                      image: {image}
            """;
    }
}
