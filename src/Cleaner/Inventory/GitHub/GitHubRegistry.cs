using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Pins;

namespace OciCleanup.Cleaner.Inventory.GitHub;

/// <summary>
/// GitHub Container Registry through GitHub's packages REST API (docs/configuration.md, "ghcr.io (`kind: github`)"): versions listed per owner
/// and package, described through ghcr.io's <c>/v2</c> (each body read once ever), deleted only by
/// <c>DELETE …/versions/{id}</c> — one manifest with every tag on it, so the planner's delete-by-digest
/// rule applies — and only when a fresh read of the version shows the digest and tags it was planned with.
/// </summary>
internal sealed class GitHubRegistry(RegistryConfig config, GitHubApi api, GitHubOwners owners, GitHubManifests manifests, RateBudget budget, ILogger<GitHubRegistry> logger) : IRegistry
{
    private readonly GitHubOwners _owners = owners;
    private readonly ConcurrentDictionary<long, GitHubVersion> _listed = new();

    public RegistryConfig Config => config;

    public IManifestStore Manifests => manifests;

    /// <summary>Set while GitHub's hourly budget is below the reserve: no further delete starts this run.</summary>
    public string? DeferReason => budget.DeferReason();

    /// <summary>Why this token cannot delete here (read from GitHub before any delete); null when it can.</summary>
    public async Task<string?> DeleteRefusalAsync(CancellationToken cancellationToken) => (await TokenAsync(cancellationToken)).DeleteRefusal(config.Name);

    public async Task<string?> CredentialsAsync(CancellationToken cancellationToken) => (await TokenAsync(cancellationToken)).Describe();

    /// <summary>What the token can do, read from GitHub (<c>X-OAuth-Scopes</c>); for <c>config check</c> and before deletes.</summary>
    public async Task<TokenAbilities> TokenAsync(CancellationToken cancellationToken) => (await _owners.AccountAsync(cancellationToken)).Token;

    public async Task<ImmutableArray<PackageVersion>> ListVersionsAsync(CancellationToken cancellationToken)
    {
        var token = await TokenAsync(cancellationToken);
        logger.LogInformation("Registry {Registry}: the GitHub token is {Token}", config.Name, token.Describe());
        if (token.ListRefusal is { } refusal)
        {
            // Listing would only answer 403; say why before any request that cannot succeed.
            throw new RegistryException(config.Name, $"the GitHub token is {refusal}");
        }

        var wanted = GitHubVersions.Filter(config.IncludeRepositories, config.ExcludeRepositories);
        var packages = new List<(string Owner, string Path, string Name)>();
        foreach (var owner in config.Owners)
        {
            var path = await _owners.PathAsync(owner, cancellationToken);
            packages.AddRange((await api.ListPackagesAsync(path, cancellationToken)).Where(wanted).Select(name => (owner, path, name)));
        }

        var listed = new ImmutableArray<PackageVersion>[packages.Count];
        await Parallel.ForAsync(0, packages.Count, new ParallelOptions { MaxDegreeOfParallelism = config.Concurrency, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var (owner, path, name) = packages[i];
            var versions = await api.ListVersionsAsync(path, name, ct);
            foreach (var v in versions)
            {
                _listed[v.Id] = v;
            }

            listed[i] = [.. versions.SelectMany(v => GitHubVersions.Of(config.Name, owner, name, v))];
        });
        var all = listed.SelectMany(l => l).ToImmutableArray();
        var described = all.IsEmpty ? all : await GitHubDescriber.DescribeAsync(all, manifests, config.Concurrency, cancellationToken);
        logger.LogInformation("Inventoried {Versions} versions in {Packages} packages of registry {Registry} ({Fetched} manifests read from the registry)", described.Length, packages.Count, config.Name, manifests.Fetched);
        return described;
    }

    /// <summary>
    /// <c>GET …/versions/{id}</c> again: gone → null; the digest or the set of tags changed since the
    /// listing (a tag moved here or away) → the version without a digest, which the executor skips.
    /// </summary>
    public async Task<PackageVersion?> RereadAsync(PackageVersion version, CancellationToken cancellationToken)
    {
        var id = IdOf(version);
        var now = await api.GetVersionAsync(await _owners.PathAsync(version.Owner!, cancellationToken), version.Name, id, cancellationToken);
        if (now is null || now.DeletedAt is not null)
        {
            return null;
        }

        var unchanged = _listed.TryGetValue(id, out var listed) ? GitHubVersions.Unchanged(listed, now) : now.Digest == version.Digest && (now.Tags.Contains(version.Version) || !version.IsTagged);
        return unchanged ? version with { Digest = now.Digest } : version with { Digest = null };
    }

    public Task<Digest?> ResolveDigestAsync(PackageKey package, string reference, CancellationToken cancellationToken) =>
        manifests.HeadAsync(package, reference, cancellationToken);

    public async Task<VersionBlobs?> BlobsAsync(PackageVersion version, CancellationToken cancellationToken) =>
        version.Digest is { } digest && await manifests.BodyAsync(version.Package, digest, cancellationToken) is { } body ? new VersionBlobs(body.Sizes) : null;

    public async Task<Execution.RestoreOutcome?> RestoreAsync(Execution.AuditEntry entry, TimeProvider clock, CancellationToken cancellationToken) =>
        await GitHubRestore.RunAsync(api, await _owners.PathAsync(entry.Owner ?? "", cancellationToken), entry, clock, cancellationToken);

    /// <summary>Deletes the version by its GitHub id: the manifest and every tag on it. Never a <c>/v2</c> DELETE.</summary>
    public async Task<bool> DeleteAsync(PackageVersion version, CancellationToken cancellationToken) =>
        await api.DeleteVersionAsync(await _owners.PathAsync(version.Owner!, cancellationToken), version.Name, IdOf(version), cancellationToken);

    private long IdOf(PackageVersion version) =>
        version is { Id: { } id and > 0, Owner: not null }
            ? id
            : throw new RegistryException(config.Name, $"{version} carries no GitHub version id; it is never deleted");
}
