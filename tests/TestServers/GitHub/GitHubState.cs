namespace OciCleanup.TestServers.GitHub;

/// <summary>
/// What the fake GitHub holds: owners, packages and versions, shared by the REST API and ghcr.io
/// <c>/v2</c>. Tests build a fleet with the Add/Push methods and read back versions and downloads;
/// the routes change it through <see cref="GitHubVersionRules"/> under <see cref="Lock"/>.
/// </summary>
public sealed class GitHubState(TimeProvider time)
{
    private readonly List<GitHubOwner> _owners = [];
    private readonly List<GitHubPackage> _packages = [];
    private long _nextId = 1000;

    internal object Lock { get; } = new();

    internal TimeProvider Time => time;

    public GitHubOwner AddUser(string login) => AddOwner(login, isOrganization: false, []);

    public GitHubOwner AddOrganization(string login, params string[] members) => AddOwner(login, isOrganization: true, members);

    /// <summary>Creates the package (private unless said otherwise), or changes the visibility of an existing one.</summary>
    public GitHubPackage AddPackage(string owner, string name, bool isPublic = false)
    {
        lock (Lock)
        {
            var found = FindPackage(owner, name);
            if (found is not null)
            {
                found.IsPublic = isPublic;
                return found;
            }

            var holder = FindOwner(owner) ?? throw new InvalidOperationException($"no owner {owner}: add the user or organisation first");
            var package = new GitHubPackage(_nextId++, holder, name, isPublic, time.GetUtcNow());
            _packages.Add(package);
            return package;
        }
    }

    /// <summary>
    /// Pushes a manifest, as <c>docker push</c> to ghcr.io does: a digest already active in the package
    /// gains the tags (no new version); otherwise a new version. A tag moves off the version that held it.
    /// </summary>
    public GitHubPackageVersion Push(string owner, string name, StoredManifest manifest, DateTimeOffset createdAt, params string[] tags)
    {
        lock (Lock)
        {
            var package = FindPackage(owner, name) ?? AddPackage(owner, name);
            var version = package.Active.FirstOrDefault(v => v.Digest == manifest.Digest);
            if (version is null)
            {
                version = new GitHubPackageVersion(_nextId++, package, manifest, createdAt);
                package.Versions.Add(version);
            }

            foreach (var tag in tags)
            {
                foreach (var holder in package.Active.Where(v => v != version && v.Tags.Remove(tag)))
                {
                    holder.UpdatedAt = createdAt;
                }

                if (!version.Tags.Contains(tag))
                {
                    version.Tags.Insert(0, tag);
                    version.UpdatedAt = createdAt;
                }
            }

            return version;
        }
    }

    /// <summary>
    /// Pushes a multi-arch image as buildx does: each platform manifest first, as an untagged version of
    /// its own, then the index with the tags. Returns the index version.
    /// </summary>
    public GitHubPackageVersion PushIndex(string owner, string name, string seed, DateTimeOffset createdAt, string[] tags, params string[] architectures)
    {
        var children = architectures.Select(arch => (StoredManifest.Image($"{owner}/{name}/{seed}/{arch}"), arch)).ToArray();
        foreach (var (child, _) in children)
        {
            Push(owner, name, child, createdAt);
        }

        return Push(owner, name, StoredManifest.Index(children), createdAt, tags);
    }

    /// <summary>Pushes a single-platform image under the tags; <paramref name="seed"/> makes its digest distinct.</summary>
    public GitHubPackageVersion PushImage(string owner, string name, string seed, DateTimeOffset createdAt, params string[] tags) =>
        Push(owner, name, StoredManifest.Image($"{owner}/{name}/{seed}"), createdAt, tags);

    /// <summary>Signs a version as cosign does without referrers support: a manifest tagged <c>sha256-HEX.sig</c>.</summary>
    public GitHubPackageVersion PushSignature(string owner, string name, string subjectDigest, DateTimeOffset createdAt) =>
        Push(owner, name, GhcrManifests.CosignSignature(subjectDigest), createdAt, GhcrManifests.SignatureTag(subjectDigest));

    /// <summary>Every version of a package, deleted ones included, newest first.</summary>
    public IReadOnlyList<GitHubPackageVersion> Versions(string owner, string name)
    {
        lock (Lock)
        {
            return FindPackage(owner, name) is { } package ? [.. Newest(package.Versions)] : [];
        }
    }

    public IReadOnlyList<GitHubPackageVersion> ActiveVersions(string owner, string name) =>
        [.. Versions(owner, name).Where(v => v.DeletedAt is null)];

    /// <summary>Manifest GETs through <c>/v2</c> over every version: a client reading each body at most once keeps this at the number of bodies it needed.</summary>
    public int TotalDownloads
    {
        get
        {
            lock (Lock)
            {
                return _packages.SelectMany(p => p.Versions).Sum(v => v.Downloads);
            }
        }
    }

    internal GitHubOwner? FindOwner(string login) =>
        _owners.FirstOrDefault(o => o.Login.Equals(login, StringComparison.OrdinalIgnoreCase));

    internal GitHubPackage? FindPackage(string owner, string name) =>
        _packages.FirstOrDefault(p => p.Owner.Login.Equals(owner, StringComparison.OrdinalIgnoreCase) && p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    internal IEnumerable<GitHubPackage> PackagesOf(GitHubOwner owner) => _packages.Where(p => p.Owner == owner).OrderBy(p => p.Name, StringComparer.Ordinal);

    internal static IEnumerable<GitHubPackageVersion> Newest(IEnumerable<GitHubPackageVersion> versions) =>
        versions.OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Id);

    private GitHubOwner AddOwner(string login, bool isOrganization, string[] members)
    {
        lock (Lock)
        {
            if (FindOwner(login) is { } existing)
            {
                return existing;
            }

            var owner = new GitHubOwner(_nextId++, login, isOrganization, new HashSet<string>(members, StringComparer.OrdinalIgnoreCase));
            _owners.Add(owner);
            return owner;
        }
    }
}
