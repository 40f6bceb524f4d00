using System.Collections.Frozen;
using System.Collections.Immutable;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Rollback;

/// <summary>
/// Which object a protection says is running an image now, and what every object names in this run.
/// Only what an object names as current counts: history (old ReplicaSets, superseded release Secrets,
/// an ImagePolicy's previous pick) and pins are not a deploy of an object.
/// </summary>
internal static class RollbackObjects
{
    private static readonly FrozenSet<string> Current = new[] { ReasonKind.Workload, ReasonKind.HelmRelease, ReasonKind.HelmReleaseSuspended, ReasonKind.Kustomization, ReasonKind.ImagePolicy, ReasonKind.FluxSource, ReasonKind.Git }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Every object the sources read completely name now, with the images they name.</summary>
    public static ImmutableDictionary<ObjectKey, ImmutableHashSet<string>> Named(IEnumerable<SourceResult> sources)
    {
        var named = new Dictionary<ObjectKey, ImmutableHashSet<string>.Builder>();
        foreach (var protection in sources.Where(s => s.Status == SourceStatus.Ok).SelectMany(s => s.Protections))
        {
            if (protection is { IsHistory: false, Target: ImageTarget image } && Current.Contains(protection.Reason.Kind) && KeyOf(protection.Reason) is { } key)
            {
                if (!named.TryGetValue(key, out var images))
                {
                    named[key] = images = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
                }

                images.Add(image.Image.ToString());
            }
        }

        return named.ToImmutableDictionary(n => n.Key, n => n.Value.ToImmutable());
    }

    /// <summary>
    /// The object of a live reason, from its typed origin. Pods and ReplicaSets are skipped (their names change
    /// with every deploy; their controller is the object); a Helm release Secret <c>sh.helm.release.v1.NAME.vN</c>
    /// stands for release NAME, so every revision of the release is one object. A git source's file at HEAD is an
    /// object too (<c>git:infra -/File/apps/api.yaml</c>); its earlier commits are history, not a deploy.
    /// </summary>
    public static ObjectKey? KeyOf(ProtectionReason reason)
    {
        if (reason.Origin is GitOrigin { AtHead: true } git)
        {
            // A file of the GitOps repository at HEAD: a revert of it brings back what it named before.
            return new ObjectKey($"git:{git.Source}", "-", "File", git.Path);
        }

        if (reason.Origin is not ClusterObjectOrigin { Kind: not ("Pod" or "ReplicaSet") } origin)
        {
            return null;
        }

        var (kind, name) = (origin.Kind, origin.Name);
        if (kind == "Secret")
        {
            const string Prefix = "sh.helm.release.v1.";
            if (!name.StartsWith(Prefix, StringComparison.Ordinal) || name.LastIndexOf(".v", StringComparison.Ordinal) is var at && at <= Prefix.Length - 1)
            {
                return null;
            }

            (kind, name) = ("HelmRelease", name[Prefix.Length..at]);
        }

        return new ObjectKey(origin.Cluster, origin.NamespaceText, kind, name);
    }
}
