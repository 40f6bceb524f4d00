using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OciCleanup.TestServers.GitHub;

/// <summary>
/// ghcr.io's part of <see cref="GitHubTestServer"/>: <c>/token</c> swaps basic <c>USER:PAT</c> (or nothing,
/// for public images) for a bearer granting pull on the requested repositories; <c>/v2</c> serves
/// manifests by tag or digest and tag lists, counts every manifest GET as a download of its version,
/// has no catalog, and answers every DELETE 405 UNSUPPORTED as ghcr.io does.
/// </summary>
public sealed class GhcrServer : LoopbackServer
{
    private readonly GitHubTestServer _hub;
    private readonly ConcurrentDictionary<string, IReadOnlySet<string>> _bearers = new();

    internal GhcrServer(GitHubTestServer hub) => _hub = hub;

    protected override void Map(WebApplication app)
    {
        app.MapGet("/token", (HttpContext http) => IssueToken(http));
        app.MapGet("/v2/", (HttpContext http) => Granted(http) is null ? Challenge(http, null) : Results.Json(new { }));
        app.MapMethods("/v2/{**path}", ["GET", "HEAD"], (HttpContext http, string path) => Read(http, path));
        app.MapDelete("/v2/{**path}", () => Errors(405, "UNSUPPORTED", "The operation is unsupported."));
    }

    private IResult IssueToken(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        GitHubToken? pat = null;
        if (header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..]));
            pat = _hub.FindToken(decoded[(decoded.IndexOf(':', StringComparison.Ordinal) + 1)..]);
            if (pat is null || !pat.CanRead)
            {
                return Errors(401, "UNAUTHORIZED", "authentication required");
            }
        }

        var granted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var scope in http.Request.Query["scope"].Select(s => s ?? ""))
        {
            var parts = scope.Split(':');
            if (parts is ["repository", var repository, var actions] && actions.Split(',').Contains("pull") && MayPull(pat, repository))
            {
                granted.Add(repository);
            }
        }

        var bearer = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        _bearers[bearer] = granted;
        return Results.Json(new { token = bearer });
    }

    private bool MayPull(GitHubToken? pat, string repository)
    {
        var slash = repository.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return false;
        }

        lock (_hub.State.Lock)
        {
            var package = _hub.State.FindPackage(repository[..slash], repository[(slash + 1)..]);
            return package is not null && (package.IsPublic || (pat is not null && package.Owner.Admits(pat.Login)));
        }
    }

    private IResult Read(HttpContext http, string path)
    {
        if (path == "_catalog")
        {
            return Errors(404, "NOT_FOUND", "catalog is not served by ghcr.io");
        }

        var kind = path.LastIndexOf("/manifests/", StringComparison.Ordinal) is > 0 and var m ? (m, "/manifests/".Length)
            : path.EndsWith("/tags/list", StringComparison.Ordinal) ? (path.Length - "/tags/list".Length, 0)
            : (-1, 0);
        if (kind.Item1 <= 0)
        {
            return Errors(404, "NOT_FOUND", "not found");
        }

        var repository = path[..kind.Item1];
        if (Granted(http) is not { } granted || !granted.Contains(repository))
        {
            return Challenge(http, repository);
        }

        var slash = repository.IndexOf('/', StringComparison.Ordinal);
        return kind.Item2 == 0
            ? Tags(repository[..slash], repository[(slash + 1)..])
            : Manifest(http, repository[..slash], repository[(slash + 1)..], Uri.UnescapeDataString(path[(kind.Item1 + kind.Item2)..]));
    }

    private IResult Manifest(HttpContext http, string owner, string name, string reference)
    {
        GitHubPackageVersion? version;
        lock (_hub.State.Lock)
        {
            version = _hub.State.FindPackage(owner, name)?.Active
                .FirstOrDefault(v => reference.StartsWith("sha256:", StringComparison.Ordinal) ? v.Digest == reference : v.Tags.Contains(reference));
        }

        if (version is null)
        {
            return Errors(404, "MANIFEST_UNKNOWN", "manifest unknown");
        }

        http.Response.Headers["Docker-Content-Digest"] = version.Digest;
        http.Response.ContentType = version.Manifest.MediaType;
        http.Response.ContentLength = version.Manifest.Bytes.Length;
        if (HttpMethods.IsHead(http.Request.Method))
        {
            return Results.Empty;
        }

        version.CountDownload();
        return Results.Bytes(version.Manifest.Bytes, version.Manifest.MediaType);
    }

    private IResult Tags(string owner, string name)
    {
        lock (_hub.State.Lock)
        {
            var tags = _hub.State.FindPackage(owner, name)?.Active.SelectMany(v => v.Tags).Order(StringComparer.Ordinal).ToArray();
            return tags is null ? Errors(404, "NAME_UNKNOWN", "repository name not known to registry") : Results.Json(new { name = $"{owner}/{name}", tags });
        }
    }

    private IReadOnlySet<string>? Granted(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) && _bearers.TryGetValue(header[7..], out var granted) ? granted : null;
    }

    private IResult Challenge(HttpContext http, string? repository)
    {
        var scope = repository is null ? "" : $",scope=\"repository:{repository}:pull\"";
        http.Response.Headers.WWWAuthenticate = $"Bearer realm=\"{Url}token\",service=\"ghcr.io\"{scope}";
        return Errors(401, "UNAUTHORIZED", "authentication required");
    }

    private static IResult Errors(int status, string code, string message) =>
        Results.Json(new { errors = new[] { new { code, message } } }, statusCode: status);
}
