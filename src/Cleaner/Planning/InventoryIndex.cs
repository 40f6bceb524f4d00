using System.Collections.Frozen;
using OciCleanup.Cleaner.Inventory;
using OciCleanup.Pins;

namespace OciCleanup.Cleaner.Planning;

/// <summary>
/// The inventory indexed once, so that matching a protection is a lookup (STYLE: index once, then
/// look up): packages by (registry, owner, type, name) and by image path, and within a package
/// versions by name, by digest and by the child digests an index holds. Names compare ignoring case.
/// </summary>
internal sealed class InventoryIndex
{
    private readonly FrozenDictionary<PackageKey, Package> _packages;
    private readonly FrozenDictionary<string, PackageKey[]> _byPath;

    public InventoryIndex(IEnumerable<PackageVersion> inventory)
    {
        _packages = inventory.GroupBy(v => Normalize(v.Package)).ToFrozenDictionary(g => g.Key, g => new Package([.. g]));
        _byPath = _packages.Keys.Where(k => k.Type == "container")
            .GroupBy(k => k.Owner is null ? k.Name : $"{k.Owner}/{k.Name}", StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public IEnumerable<Package> Packages => _packages.Values;

    public Package? Find(PackageKey key) => _packages.GetValueOrDefault(Normalize(key));

    /// <summary>Container packages anywhere whose image path (<c>OWNER/IMAGE</c> on Gitea, the repository on OCI) is <paramref name="path"/>.</summary>
    public IEnumerable<Package> ByPath(string path) =>
        _byPath.TryGetValue(path.ToLowerInvariant(), out var keys) ? keys.Select(k => _packages[k]) : [];

    public static PackageKey Normalize(PackageKey key) =>
        new(key.Registry, key.Owner?.ToLowerInvariant(), key.Type.ToLowerInvariant(), key.Name.ToLowerInvariant());

    /// <summary>One package's versions and its lookups.</summary>
    internal sealed class Package(PackageVersion[] versions)
    {
        private readonly FrozenDictionary<string, PackageVersion[]> _byVersion = versions.GroupBy(v => v.Version, StringComparer.OrdinalIgnoreCase).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);
        private readonly FrozenDictionary<Digest, PackageVersion[]> _byDigest = versions.Where(v => v.Digest is not null).GroupBy(v => v.Digest!.Value).ToFrozenDictionary(g => g.Key, g => g.ToArray());
        private readonly FrozenDictionary<Digest, PackageVersion[]> _byChild = versions.SelectMany(v => v.IndexChildren.Select(c => (Child: c, Index: v))).GroupBy(p => p.Child).ToFrozenDictionary(g => g.Key, g => g.Select(p => p.Index).ToArray());

        public PackageVersion[] Versions { get; } = versions;

        public PackageVersion First => Versions[0];

        public IEnumerable<PackageVersion> Named(string version) => _byVersion.GetValueOrDefault(version) ?? [];

        /// <summary>Versions whose manifest is <paramref name="digest"/>, and the indexes that hold it.</summary>
        public IEnumerable<PackageVersion> Holding(Digest digest) =>
            (_byDigest.GetValueOrDefault(digest) ?? []).Concat(_byChild.GetValueOrDefault(digest) ?? []);
    }
}
