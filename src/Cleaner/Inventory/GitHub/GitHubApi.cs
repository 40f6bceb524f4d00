using System.Globalization;
using System.Net;
using System.Text.Json;
using OciCleanup.Pins;

namespace OciCleanup.Cleaner.Inventory.GitHub;

/// <summary>
/// GitHub's packages REST API (docs/configuration.md, "ghcr.io (`kind: github`)"), container packages only. <c>ownerPath</c>
/// arguments are <c>user</c> (the token's own account, private packages included), <c>users/NAME</c>
/// or <c>orgs/NAME</c>; a package name travels as one segment, <c>/</c> as <c>%2F</c>.
/// </summary>
internal sealed class GitHubApi(GitHubHttp http)
{
    public string Registry => http.Registry;

    /// <summary>The token's account (<c>GET /user</c>) and what the token may do; a login of null when GitHub will not say (GITHUB_TOKEN).</summary>
    public async Task<(string? Login, TokenAbilities Token)> AccountAsync(CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(HttpMethod.Get, "user", "read the token's account (GET /user)", cancellationToken);
        var scopes = response.Headers.TryGetValues("X-OAuth-Scopes", out var values) ? string.Join(",", values) : null;
        if (response.StatusCode == HttpStatusCode.Forbidden && scopes is null)
        {
            // An installation token (GITHUB_TOKEN, an App) has no user; it still reads what it was granted.
            return (null, TokenAbilities.Of(null, installation: true));
        }

        using var json = await http.JsonAsync(response, "read the token's account (GET /user)", cancellationToken);
        return (StringOf(json.RootElement, "login"), TokenAbilities.Of(scopes));
    }

    /// <summary><c>User</c> or <c>Organization</c>, as GitHub says (<c>GET /users/NAME</c>).</summary>
    public async Task<string> OwnerTypeAsync(string owner, CancellationToken cancellationToken)
    {
        var what = $"look up owner {owner}";
        using var response = await http.SendAsync(HttpMethod.Get, $"users/{PathSegment.Require(Registry, "owner", owner)}", what, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new RegistryException(Registry, $"{what}: GitHub knows no user or organisation '{owner}'");
        }

        using var json = await http.JsonAsync(response, what, cancellationToken);
        return StringOf(json.RootElement, "type") ?? throw new RegistryException(Registry, $"{what}: the answer names no type");
    }

    public Task<List<string>> ListPackagesAsync(string ownerPath, CancellationToken cancellationToken) =>
        GitHubListing.ReadAsync(http, $"{ownerPath}/packages?package_type=container&per_page={GitHubListing.PerPage}", $"list container packages of {ownerPath}",
            e => StringOf(e, "name") ?? throw new RegistryException(Registry, $"list container packages of {ownerPath}: a package without a name"), n => n, cancellationToken);

    public Task<List<GitHubVersion>> ListVersionsAsync(string ownerPath, string package, CancellationToken cancellationToken) =>
        GitHubListing.ReadAsync(http, $"{PackagePath(ownerPath, package)}/versions?per_page={GitHubListing.PerPage}&state=active", $"list versions of {ownerPath}/{package}",
            e => VersionOf(e, $"{ownerPath}/{package}"), v => v.Id.ToString(CultureInfo.InvariantCulture), cancellationToken);

    /// <summary>One version read again by id (a deleted one with its <c>deleted_at</c>); null when GitHub knows it no more.</summary>
    public async Task<GitHubVersion?> GetVersionAsync(string ownerPath, string package, long id, CancellationToken cancellationToken)
    {
        var what = $"read version {id} of {ownerPath}/{package}";
        using var response = await http.SendAsync(HttpMethod.Get, VersionPath(ownerPath, package, id), what, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        using var json = await http.JsonAsync(response, what, cancellationToken);
        return VersionOf(json.RootElement, $"{ownerPath}/{package}");
    }

    /// <summary><c>DELETE …/versions/{id}</c>: the manifest and every tag on it. False when it was already gone.</summary>
    public async Task<bool> DeleteVersionAsync(string ownerPath, string package, long id, CancellationToken cancellationToken)
    {
        var what = $"delete version {id} of {ownerPath}/{package}";
        using var response = await http.SendAsync(HttpMethod.Delete, VersionPath(ownerPath, package, id), what, cancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound ? false
            : response.IsSuccessStatusCode ? true
            : throw await http.ErrorAsync(response, what, cancellationToken);
    }

    /// <summary><c>POST …/versions/{id}/restore</c>: null when restored, else GitHub's status and words.</summary>
    public async Task<(HttpStatusCode Status, string? Said)?> RestoreVersionAsync(string ownerPath, string package, long id, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(HttpMethod.Post, VersionPath(ownerPath, package, id) + "/restore", $"restore version {id} of {ownerPath}/{package}", cancellationToken);
        return response.IsSuccessStatusCode ? null : (response.StatusCode, await GitHubHttp.MessageAsync(response, cancellationToken));
    }

    private string PackagePath(string ownerPath, string package) =>
        $"{ownerPath}/packages/container/{PathSegment.Require(Registry, "package name", package, slashAllowed: true)}";

    private string VersionPath(string ownerPath, string package, long id) =>
        $"{PackagePath(ownerPath, package)}/versions/{id.ToString(CultureInfo.InvariantCulture)}";

    private GitHubVersion VersionOf(JsonElement e, string package)
    {
        var id = e.ValueKind == JsonValueKind.Object && e.TryGetProperty("id", out var i) && i.TryGetInt64(out var n) ? n : (long?)null;
        var name = StringOf(e, "name");
        if (id is null || !Digest.TryParse(name, out var digest))
        {
            throw new RegistryException(Registry, $"list versions of {package}: a version without a numeric id and a sha256 digest as its name ({name ?? "no name"}); it cannot be described");
        }

        var created = StringOf(e, "created_at") is { } c && DateTimeOffset.TryParse(c, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : throw new RegistryException(Registry, $"list versions of {package}: version {id} has no created_at");
        var tags = e.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
            && metadata.TryGetProperty("container", out var container) && container.ValueKind == JsonValueKind.Object
            && container.TryGetProperty("tags", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(t => t.GetString()).OfType<string>().Distinct(StringComparer.Ordinal).ToList()
                : [];
        var deleted = StringOf(e, "deleted_at") is { } d && DateTimeOffset.TryParse(d, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var gone) ? gone : (DateTimeOffset?)null;
        return new GitHubVersion(id.Value, digest.Value, [.. tags], created, deleted);
    }

    private static string? StringOf(JsonElement e, string property) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(property, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}
