using System.Collections.Immutable;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Cleaner.Inventory;
using OciCleanup.Pins;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Planning;

/// <summary>
/// Resolves the protected set against the inventory (SPEC §5): which versions each pin, image
/// reference and tag pattern names. Pure. Image references match a registry by its URL host or a
/// host alias; for Gitea the path is <c>OWNER/IMAGE</c>; names and tags compare case-insensitively.
/// </summary>
internal static class ProtectionMatcher
{
    public static ImmutableDictionary<VersionKey, ImmutableArray<Reason>> Match(
        ImmutableArray<PackageVersion> inventory, ProtectedSet protectedSet, ImmutableArray<RegistryConfig> registries)
    {
        var byPackage = inventory.ToLookup(v => Normalize(v.Package));
        var found = new Dictionary<VersionKey, List<Reason>>();
        void Protect(PackageVersion v, ProtectionReason why)
        {
            if (!found.TryGetValue(v.Key, out var list))
            {
                found[v.Key] = list = [];
            }

            var reason = new Reason(why.Kind, why.Detail);
            if (!list.Contains(reason))
            {
                list.Add(reason);
            }
        }

        foreach (var protection in protectedSet.Protections)
        {
            switch (protection.Target)
            {
                case PinTarget pin:
                    foreach (var v in inventory.Where(v => pin.Rule.Matches(v.Owner, v.Type, v.Name, v.Version, v.Digest)))
                    {
                        Protect(v, protection.Reason);
                    }

                    break;
                case ImageTarget image:
                    foreach (var v in PackagesOf(image.Image.Registry, image.Image.Repository, registries, byPackage).Where(v => Names(image.Image, v)))
                    {
                        Protect(v, protection.Reason);
                    }

                    break;
                case TagPatternTarget pattern:
                    foreach (var v in PackagesOf(pattern.Registry, pattern.Repository, registries, byPackage).Where(v => v.IsTagged && pattern.Pattern.IsMatch(v.Version)))
                    {
                        Protect(v, protection.Reason);
                    }

                    break;
            }
        }

        return found.ToImmutableDictionary(kv => kv.Key, kv => kv.Value.ToImmutableArray());
    }

    /// <summary>Whether an image reference names this version: by tag, by digest, or as the index holding the digest.</summary>
    private static bool Names(ImageReference image, PackageVersion v) =>
        (image.Tag is { } tag && string.Equals(tag, v.Version, StringComparison.OrdinalIgnoreCase))
        || (image.Digest is { } digest && (v.Digest == digest || v.IndexChildren.Contains(digest)));

    private static IEnumerable<PackageVersion> PackagesOf(string host, string repository, ImmutableArray<RegistryConfig> registries, ILookup<PackageKey, PackageVersion> byPackage)
    {
        foreach (var registry in registries.Where(r => r.Hosts.Contains(host.ToLowerInvariant())))
        {
            if (registry.Kind == RegistryKind.Gitea)
            {
                var slash = repository.IndexOf('/', StringComparison.Ordinal);
                if (slash <= 0)
                {
                    continue;
                }

                foreach (var v in byPackage[Normalize(new PackageKey(registry.Name, repository[..slash], "container", repository[(slash + 1)..]))])
                {
                    yield return v;
                }
            }
            else
            {
                foreach (var v in byPackage[Normalize(new PackageKey(registry.Name, null, "container", repository))])
                {
                    yield return v;
                }
            }
        }
    }

    private static PackageKey Normalize(PackageKey key) =>
        new(key.Registry, key.Owner?.ToLowerInvariant(), key.Type.ToLowerInvariant(), key.Name.ToLowerInvariant());
}
