using OciCleanup.Cleaner.Inventory;
using OciCleanup.Pins;
using OciCleanup.Pins.PinsFiles;

namespace OciCleanup.Cleaner.Planning;

/// <summary>
/// The inventory indexed once, so that matching a protection is a lookup (STYLE: index once, then
/// look up): packages by (registry, owner, type, name) and by image path, and within a package
/// versions by name, by digest and by the child digests an index holds. Names compare ignoring case.
/// </summary>
internal sealed class InventoryIndex
{
    private readonly Dictionary<PackageKey, Package> _packages;
    private readonly Dictionary<string, PackageKey[]> _byPath;

    public InventoryIndex(IEnumerable<PackageVersion> inventory)
    {
        // Grouped by the key as listed, then normalized once per package, not once per version.
        Listed = ByListedPackage(inventory);
        Count = Listed.Values.Sum(v => v.Count);
        _packages = new Dictionary<PackageKey, Package>(Listed.Count);
        foreach (var (key, versions) in Listed)
        {
            // Keys that differ only in case are one package here (names compare ignoring case).
            var normal = Normalize(key);
            _packages[normal] = _packages.TryGetValue(normal, out var other) ? new Package([.. other.Versions, .. versions]) : new Package([.. versions]);
        }

        _byPath = _packages.Keys.Where(k => k.Type == PackageTypes.Container)
            .GroupBy(k => k.Owner is null ? k.Name : $"{k.Owner}/{k.Name}", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public IEnumerable<Package> Packages => _packages.Values;

    /// <summary>The versions by package exactly as listed (the planner's unit): the same grouping, made once for matcher and planner.</summary>
    public IReadOnlyDictionary<PackageKey, List<PackageVersion>> Listed { get; }

    /// <summary>How many versions the inventory holds.</summary>
    public int Count { get; }

    /// <summary>Versions grouped by their package key as listed (exact, not case-folded), in listing order.</summary>
    public static Dictionary<PackageKey, List<PackageVersion>> ByListedPackage(IEnumerable<PackageVersion> inventory)
    {
        var listed = new Dictionary<PackageKey, List<PackageVersion>>();
        List<PackageVersion>? versions = null;
        PackageKey last = default;
        foreach (var version in inventory)
        {
            // Registries list a package's versions together: most versions need no hashing at all.
            var key = version.Package;
            if (versions is null || !key.Equals(last))
            {
                if (!listed.TryGetValue(key, out versions))
                {
                    listed[key] = versions = [];
                }

                last = key;
            }

            versions.Add(version);
        }

        return listed;
    }

    public Package? Find(PackageKey key) => _packages.GetValueOrDefault(Normalize(key));

    /// <summary>Container packages anywhere whose image path (<c>OWNER/IMAGE</c> on Gitea, the repository on OCI) is <paramref name="path"/>.</summary>
    public IEnumerable<Package> ByPath(string path) =>
        _byPath.TryGetValue(path.ToLowerInvariant(), out var keys) ? keys.Select(k => _packages[k]) : [];

    public static PackageKey Normalize(PackageKey key) =>
        new(key.Registry, key.Owner?.ToLowerInvariant(), key.Type.ToLowerInvariant(), key.Name.ToLowerInvariant());

    /// <summary>
    /// One package's versions and its lookups, built on first use: most packages no protection names,
    /// and plain dictionaries, since a frozen one costs far more to build than these few lookups save.
    /// </summary>
    internal sealed class Package(PackageVersion[] versions)
    {
        private Dictionary<string, PackageVersion[]>? _byVersion;
        private Dictionary<Digest, PackageVersion[]>? _byDigest;
        private Dictionary<Digest, PackageVersion[]>? _byChild;

        public PackageVersion[] Versions { get; } = versions;

        public PackageVersion First => Versions[0];

        public IEnumerable<PackageVersion> Named(string version) =>
            (_byVersion ??= Versions.GroupBy(v => v.Version, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase)).GetValueOrDefault(version) ?? [];

        /// <summary>Versions whose manifest is <paramref name="digest"/>, and the indexes that hold it.</summary>
        public IEnumerable<PackageVersion> Holding(Digest digest)
        {
            _byDigest ??= Versions.Where(v => v.Digest is not null).GroupBy(v => v.Digest!.Value).ToDictionary(g => g.Key, g => g.ToArray());
            _byChild ??= Versions.SelectMany(v => v.IndexChildren.Select(c => (Child: c, Index: v))).GroupBy(p => p.Child).ToDictionary(g => g.Key, g => g.Select(p => p.Index).ToArray());
            return (_byDigest.GetValueOrDefault(digest) ?? []).Concat(_byChild.GetValueOrDefault(digest) ?? []);
        }
    }
}
