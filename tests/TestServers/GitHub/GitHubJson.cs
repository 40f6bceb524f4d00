using System.Globalization;

namespace OciCleanup.TestServers.GitHub;

/// <summary>
/// The response objects of GitHub's REST API as its OpenAPI description gives them
/// (components/schemas simple-user, package, package-version): only the fields a client reads, with
/// real-shaped URLs. <c>api</c> is the API base URL with a trailing slash.
/// </summary>
internal static class GitHubJson
{
    public static Dictionary<string, object?> Owner(Uri api, GitHubOwner owner) => new()
    {
        ["login"] = owner.Login,
        ["id"] = owner.Id,
        ["type"] = owner.Type,
        ["site_admin"] = false,
        ["url"] = $"{api}{(owner.IsOrganization ? "orgs" : "users")}/{owner.Login}",
        ["html_url"] = $"https://github.com/{owner.Login}",
    };

    public static Dictionary<string, object?> Package(Uri api, GitHubPackage package) => new()
    {
        ["id"] = package.Id,
        ["name"] = package.Name,
        ["package_type"] = "container",
        ["owner"] = Owner(api, package.Owner),
        ["version_count"] = package.Active.Count(),
        ["visibility"] = package.IsPublic ? "public" : "private",
        ["url"] = PackageUrl(api, package),
        ["html_url"] = PackageHtmlUrl(package),
        ["created_at"] = Time(package.CreatedAt),
        ["updated_at"] = Time(package.Active.Select(v => v.UpdatedAt).DefaultIfEmpty(package.CreatedAt).Max()),
    };

    public static Dictionary<string, object?> Version(Uri api, GitHubPackageVersion version)
    {
        var json = new Dictionary<string, object?>
        {
            ["id"] = version.Id,
            ["name"] = version.Digest,
            ["url"] = $"{PackageUrl(api, version.Package)}/versions/{version.Id}",
            ["package_html_url"] = PackageHtmlUrl(version.Package),
            // As the schema's examples: html_url drops the "package/" segment package_html_url has.
            ["html_url"] = $"https://github.com/{(version.Package.Owner.IsOrganization ? "orgs" : "users")}/{version.Package.Owner.Login}/packages/container/{Uri.EscapeDataString(version.Package.Name)}/{version.Id}",
            ["created_at"] = Time(version.CreatedAt),
            ["updated_at"] = Time(version.UpdatedAt),
            ["metadata"] = new { package_type = "container", container = new { tags = version.Tags.ToArray() } },
        };
        if (version.DeletedAt is { } deleted)
        {
            json["deleted_at"] = Time(deleted);
        }

        return json;
    }

    public static object Error(string message, string documentation = "https://docs.github.com/rest") =>
        new { message, documentation_url = documentation };

    private static string PackageUrl(Uri api, GitHubPackage package) =>
        $"{api}{(package.Owner.IsOrganization ? "orgs" : "users")}/{package.Owner.Login}/packages/container/{Uri.EscapeDataString(package.Name)}";

    private static string PackageHtmlUrl(GitHubPackage package) =>
        $"https://github.com/{(package.Owner.IsOrganization ? "orgs" : "users")}/{package.Owner.Login}/packages/container/package/{Uri.EscapeDataString(package.Name)}";

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
