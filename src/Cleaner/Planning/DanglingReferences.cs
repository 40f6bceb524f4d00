using System.Collections.Immutable;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Cleaner.Inventory;
using OciCleanup.Pins.PinsFiles;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Planning;

/// <summary>
/// References to versions a configured registry does not hold (<c>dangling-reference</c>, docs/references.md, "Warnings"): the
/// next ImagePullBackOff, seen before it happens. Only where the inventory can know — the host is a
/// registry's (URL or alias) and that registry lists the package's owner (Gitea) or repository (OCI)
/// and was inventoried — and never for rollback history, which names what may rightly be gone. Pure.
/// </summary>
internal static class DanglingReferences
{
    private const int NamedObjects = 3;

    /// <summary>One warning per missing reference, naming the objects that name it.</summary>
    public static IEnumerable<ReportWarning> Find(InventoryIndex index, ProtectedSet protectedSet, ImmutableArray<RegistryConfig> registries)
    {
        // A registry with no package in the index failed its inventory (or is empty): it can tell nothing.
        var inventoried = index.Packages.Select(p => p.First.Registry).ToHashSet(StringComparer.Ordinal);
        var listed = registries.Where(r => inventoried.Contains(r.Name)).ToDictionary(r => r, Lists);
        var hosts = new Dictionary<string, RegistryConfig[]>(StringComparer.OrdinalIgnoreCase);
        var missing = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var protection in protectedSet.Protections)
        {
            if (protection.IsHistory || protection.Reason.Kind == ReasonKind.ReplicaSetHistory)
            {
                continue;
            }

            var (host, repository, what) = protection.Target switch
            {
                ImageTarget image => (image.Image.Registry, image.Image.Repository, image.Image.ToString()),
                TagPolicyTarget policy => (policy.Registry, policy.Repository, $"{policy.Registry}/{policy.Repository}"),
                _ => (null, null, null),
            };
            if (host is null)
            {
                continue;
            }

            if (!hosts.TryGetValue(host, out var atHost))
            {
                hosts[host] = atHost = [.. listed.Keys.Where(r => r.Hosts.Contains(host.ToLowerInvariant()))];
            }

            var at = atHost.Where(r => listed[r](repository!)).ToList();
            if (at.Count == 0 || at.Any(r => Holds(index.Find(ProtectionMatcher.KeyOf(r, repository!)), protection.Target)))
            {
                continue;
            }

            var key = $"{what}, which {string.Join(" and ", at.Select(r => r.Name))} does not hold";
            if (!missing.TryGetValue(key, out var objects))
            {
                missing[key] = objects = [];
            }

            if (!objects.Contains(protection.Reason.Detail))
            {
                objects.Add(protection.Reason.Detail);
            }
        }

        return missing.Select(m => new ReportWarning(WarningKind.DanglingReference,
            $"{m.Value[0]} names {m.Key} — the next pull fails{Others(m.Value)}"));
    }

    /// <summary>
    /// An exact pin (no <c>*</c>) that matched nothing, where its package exists: the version it names is
    /// gone (or was never pushed). Null for a pattern, or a package no registry has (that is a typo: <c>pin-unmatched</c>).
    /// </summary>
    public static ReportWarning? OfPin(PinRule rule, InventoryIndex index)
    {
        if (!rule.Name.IsLiteral || (rule.Digest is null && rule.Version is not { IsLiteral: true }))
        {
            return null;
        }

        var packages = index.Packages.Where(p => string.Equals(p.First.Type, rule.Type, StringComparison.OrdinalIgnoreCase) && rule.Name.IsMatch(p.First.Name)
            && (rule.Owner is null || string.Equals(rule.Owner, p.First.Owner, StringComparison.OrdinalIgnoreCase))).Select(p => p.First.Package.ToString()).ToList();
        var pin = $"{(rule.Owner is null ? "" : rule.Owner + ":")}{rule.Type}/{rule.Name}{(rule.Digest is { } digest ? "@" + digest : "==" + rule.Version)}";
        return packages.Count == 0 ? null : new ReportWarning(WarningKind.DanglingReference,
            $"{rule.Location}: {pin} names a version {string.Join(", ", packages)} does not hold (deleted, never pushed, or a typo?)");
    }

    // Whether the registry's inventory covers the repository: a Gitea owner it lists, an OCI repository its filters admit.
    private static Func<string, bool> Lists(RegistryConfig registry) => RegistryKinds.TraitsOf(registry).Lists(registry);

    // A digest is what a pull fetches (the tag beside it is ignored); a tag only when there is no digest.
    private static bool Holds(InventoryIndex.Package? package, ProtectionTarget target) => package is not null && target switch
    {
        ImageTarget { Image.Digest: { } digest } => package.Holding(digest).Any(),
        ImageTarget { Image.Tag: { } tag } => package.Named(tag).Any(),
        _ => true,
    };

    private static string Others(List<string> objects) => objects.Count switch
    {
        1 => "",
        <= NamedObjects + 1 => $" (also named by {string.Join(", ", objects.Skip(1))})",
        _ => $" (also named by {string.Join(", ", objects.Skip(1).Take(NamedObjects))} and {objects.Count - 1 - NamedObjects} more)",
    };
}
