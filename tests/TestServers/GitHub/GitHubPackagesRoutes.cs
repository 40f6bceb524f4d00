using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OciCleanup.TestServers.GitHub;

/// <summary>
/// The account and packages endpoints under <c>/orgs/{org}</c>, <c>/users/{username}</c> and <c>/user</c>.
/// An organisation shows its private packages to members; <c>/users/{username}</c> shows public ones
/// only; <c>/user</c> is the token's own account, private packages included. Package names are one path
/// segment: a <c>/</c> in a name travels as <c>%2F</c>, an unencoded one matches no route (404).
/// </summary>
internal static class GitHubPackagesRoutes
{
    private enum Scope
    {
        Organization,
        User,
        Me,
    }

    public static void Map(WebApplication app, GitHubTestServer hub)
    {
        // GITHUB_TOKEN is an installation's token, not a user's: GitHub answers /user with 403.
        app.MapGet("/user", (HttpContext http) => Token(http).Kind == GitHubTokenKind.Actions
            ? Forbidden("Resource not accessible by integration")
            : Results.Json(GitHubJson.Owner(Api(http), hub.State.AddUser(Token(http).Login))));
        app.MapGet("/users/{login}", (HttpContext http, string login) => OwnerJson(http, hub, login, organizationOnly: false));
        app.MapGet("/orgs/{login}", (HttpContext http, string login) => OwnerJson(http, hub, login, organizationOnly: true));
        MapPackages(app, hub, "/orgs/{login}", Scope.Organization);
        MapPackages(app, hub, "/users/{login}", Scope.User);
        MapPackages(app, hub, "/user", Scope.Me);
    }

    private static void MapPackages(WebApplication app, GitHubTestServer hub, string prefix, Scope scope)
    {
        app.MapGet(prefix + "/packages", (HttpContext http) =>
        {
            if (http.Request.Query["package_type"].ToString() is not ("container" or "docker" or "npm" or "maven" or "rubygems" or "nuget"))
            {
                return Results.Json(GitHubJson.Error("package_type is required and must be a supported package type"), statusCode: 400);
            }

            if (!Token(http).CanList)
            {
                return Forbidden("Resource not accessible by integration");
            }

            if (Resolve(http, hub, scope) is not { } owner)
            {
                return NotFound();
            }

            var visibility = http.Request.Query["visibility"].ToString();
            List<GitHubPackage> packages;
            lock (hub.State.Lock)
            {
                packages = [.. hub.State.PackagesOf(owner.Owner)
                    .Where(p => http.Request.Query["package_type"] == "container" && (p.IsPublic || owner.SeesPrivate))
                    .Where(p => visibility is "" || (visibility == "public") == p.IsPublic)];
            }

            return GitHubPaging.Page(http, packages, p => GitHubJson.Package(Api(http), p), hub.State.Lock);
        });
        var package = prefix + "/packages/container/{name}";
        app.MapGet(package, (HttpContext http) => WithPackage(http, hub, scope, p => Results.Json(GitHubJson.Package(Api(http), p))));
        app.MapGet(package + "/versions", (HttpContext http) => WithPackage(http, hub, scope, p =>
            http.Request.Query["state"].ToString() is "" or "active" or "deleted"
                ? GitHubPaging.Page(http, GitHubVersionRules.Listed(hub.State, hub.Options, p, http.Request.Query["state"] == "deleted"), v => GitHubJson.Version(Api(http), v), hub.State.Lock)
                : Results.Json(GitHubJson.Error("Validation Failed"), statusCode: 422)));
        app.MapGet(package + "/versions/{id:long}", (HttpContext http, long id) => WithPackage(http, hub, scope, p =>
            GitHubVersionRules.Listed(hub.State, hub.Options, p, deleted: false).Concat(GitHubVersionRules.Listed(hub.State, hub.Options, p, deleted: true)).FirstOrDefault(v => v.Id == id) is { } v
                ? Results.Json(GitHubJson.Version(Api(http), v))
                : NotFound()));
        app.MapDelete(package + "/versions/{id:long}", (HttpContext http, long id) => WithPackage(http, hub, scope, p =>
            !Token(http).CanDelete(p.Owner.Login, p.Name)
                ? Forbidden(Token(http).Kind == GitHubTokenKind.Classic ? "You need at least read:packages and delete:packages scopes to delete a package version." : "Resource not accessible by personal access token")
                : Answer(GitHubVersionRules.Delete(hub.State, hub.Options, p, id))));
        app.MapPost(package + "/versions/{id:long}/restore", (HttpContext http, long id) => WithPackage(http, hub, scope, p =>
            !Token(http).CanRestore
                ? Forbidden("You need at least read:packages and write:packages scopes to restore a package version.")
                : Answer(GitHubVersionRules.Restore(hub.State, hub.Options, p, id))));
    }

    private static IResult WithPackage(HttpContext http, GitHubTestServer hub, Scope scope, Func<GitHubPackage, IResult> then)
    {
        if (!Token(http).CanRead)
        {
            return Forbidden("You need at least read:packages scope to list packages.");
        }

        var name = Uri.UnescapeDataString(http.Request.RouteValues["name"]?.ToString() ?? "");
        GitHubPackage? found;
        lock (hub.State.Lock)
        {
            found = Resolve(http, hub, scope) is { } owner && hub.State.FindPackage(owner.Owner.Login, name) is { } p && (p.IsPublic || owner.SeesPrivate) ? p : null;
        }

        return found is null ? NotFound() : then(found);
    }

    private static (GitHubOwner Owner, bool SeesPrivate)? Resolve(HttpContext http, GitHubTestServer hub, Scope scope)
    {
        var token = Token(http);
        lock (hub.State.Lock)
        {
            return scope switch
            {
                Scope.Me => (hub.State.AddUser(token.Login), true),
                Scope.Organization => hub.State.FindOwner(http.Request.RouteValues["login"]?.ToString() ?? "") is { IsOrganization: true } org ? (org, org.Admits(token.Login)) : null,
                _ => hub.State.FindOwner(http.Request.RouteValues["login"]?.ToString() ?? "") is { IsOrganization: false } user ? (user, false) : null,
            };
        }
    }

    private static IResult OwnerJson(HttpContext http, GitHubTestServer hub, string login, bool organizationOnly)
    {
        GitHubOwner? owner;
        lock (hub.State.Lock)
        {
            owner = hub.State.FindOwner(login);
        }

        // GET /users/{name} answers for organisations too (type Organization); /orgs/{name} only for them.
        return owner is null || (organizationOnly && !owner.IsOrganization) ? NotFound() : Results.Json(GitHubJson.Owner(Api(http), owner));
    }

    private static IResult Answer((int Status, string? Message) outcome) =>
        outcome.Status == 0 ? Results.NoContent() : Results.Json(GitHubJson.Error(outcome.Message!), statusCode: outcome.Status);

    private static GitHubToken Token(HttpContext http) => (GitHubToken)http.Items[GitHubApiServer.TokenItem]!;

    private static Uri Api(HttpContext http) => new($"{http.Request.Scheme}://{http.Request.Host}/");

    private static IResult NotFound() => Results.Json(GitHubJson.Error("Not Found"), statusCode: 404);

    private static IResult Forbidden(string message) => Results.Json(GitHubJson.Error(message), statusCode: 403);
}
