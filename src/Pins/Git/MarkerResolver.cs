using System.Text.Json.Nodes;
using OciCleanup.Pins.Kubernetes;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Pins.Git;

/// <summary>
/// A <c>$imagepolicy</c> marker protects what its policy picks, as the cluster source protects an
/// ImagePolicy it lists (<see cref="ImagePolicyTargets"/>), when the policy is in the repository at HEAD.
/// A policy that lives only in a cluster is a warning: that cluster's source protects its pick.
/// </summary>
internal static class MarkerResolver
{
    public static (List<Protection.Protection> Protections, List<SourceWarning> Warnings) Resolve(
        string source, string policyKey, ProtectionReason reason, bool history, IReadOnlyDictionary<string, JsonNode> policies, IReadOnlyDictionary<string, JsonNode> repositories)
    {
        var protections = new List<Protection.Protection>();
        var warnings = new List<SourceWarning>();
        var at = reason.Detail;
        if (!policies.TryGetValue(policyKey, out var policy))
        {
            warnings.Add(new SourceWarning(WarningKind.DesiredState, $"{at}: the $imagepolicy marker names ImagePolicy {policyKey}, which is not in this repository at HEAD: what it picks is protected by the cluster that runs it (configure that cluster), the value written here by this source"));
            return (protections, warnings);
        }

        if (ImagePolicyTargets.MissingRepository(source, policy, repositories) is { } missing)
        {
            warnings.Add(missing with { Detail = $"{at}: {missing.Detail}" });
        }

        try
        {
            protections.AddRange(ImagePolicyTargets.Of(source, policy, repositories).Select(p => new Protection.Protection(p.Target, reason) { IsHistory = history || p.IsHistory }));
        }
        catch (KubernetesSourceException e)
        {
            warnings.Add(new SourceWarning(WarningKind.DesiredState, $"{at}: {e.Message}: what the policy picks is not protected by this source"));
        }

        return (protections, warnings);
    }
}
