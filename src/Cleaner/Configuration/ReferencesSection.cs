using OciCleanup.Pins.Kubernetes;

namespace OciCleanup.Cleaner.Configuration;

/// <summary>
/// The <c>references</c> section: which cluster kinds are read, and what a reference on an unknown host does.
/// The defaults are those of <see cref="ReferenceKinds"/> and <see cref="UnknownHosts.Protect"/>.
/// </summary>
internal static class ReferencesSection
{
    public static (ReferenceKinds Kinds, UnknownHosts UnknownHosts) Read(YamlMapping? m)
    {
        var defaults = new ReferenceKinds();
        if (m is null)
        {
            return (defaults, UnknownHosts.Protect);
        }

        var unknownHosts = m.String("unknownHosts") switch
        {
            null or "protect" => UnknownHosts.Protect,
            "ignore" => UnknownHosts.Ignore,
            var other => throw m.Error(m.Node("unknownHosts")!, m.Child("unknownHosts"), $"must be protect or ignore, not '{other}'"),
        };
        var kinds = new ReferenceKinds(
            m.Bool("workloads", defaults.Workloads),
            m.Bool("replicaSetHistory", defaults.ReplicaSetHistory),
            m.Bool("helmReleases", defaults.HelmReleases),
            m.Bool("helmReleaseSecrets", defaults.HelmReleaseSecrets),
            m.Bool("imagePolicies", defaults.ImagePolicies),
            m.Bool("kustomizations", defaults.Kustomizations));
        m.RejectUnknownKeys();
        return (kinds, unknownHosts);
    }
}
