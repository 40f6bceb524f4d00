using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OciCleanup.TestServers;

/// <summary>
/// Gitea's packages API (shared/contracts/gitea-packages.swagger.json) and the manifest routes of
/// its container registry, with Gitea's semantics (SPEC §11): one <c>Package</c> object per version,
/// newest first; <c>limit</c> clamped (≤0 → 30, &gt;50 → 50) with <c>X-Total-Count</c> and <c>Link</c>;
/// names and versions lower case; re-pushing a tag replaces its version (new id, new created_at);
/// deletes never cascade. A token is required on every call (Gitea) or on writes only (Forgejo).
/// </summary>
public sealed class GiteaTestServer(string token, bool forgejo = false) : LoopbackServer
{
    private readonly object _lock = new();
    private readonly List<GiteaPackageVersion> _versions = [];
    private readonly HashSet<string> _owners = new(StringComparer.OrdinalIgnoreCase);
    private long _nextId = 1;

    public IReadOnlyList<GiteaPackageVersion> Versions
    {
        get
        {
            lock (_lock)
            {
                return [.. _versions];
            }
        }
    }

    /// <summary>
    /// Pushes a manifest under a reference (tag, or its digest); an existing tag is replaced. As in
    /// Gitea, an index can only be pushed once every child manifest is in the same image.
    /// </summary>
    public GiteaPackageVersion Push(string owner, string name, string reference, StoredManifest manifest, DateTimeOffset createdAt)
    {
        var missing = manifest.Children.Where(child => !Versions.Any(v => Same(v, owner, "container", name, null) && v.Manifest?.Digest == child)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"MANIFEST_BLOB_UNKNOWN: {string.Join(", ", missing)}");
        }

        return Add(owner, "container", name, reference, createdAt, manifest);
    }

    /// <summary>Pushes the platform manifests by digest (as buildx does first), then the index under its tag.</summary>
    public StoredManifest PushIndex(string owner, string name, string tag, string seed, DateTimeOffset createdAt, params string[] architectures)
    {
        var children = architectures.Select(arch => (StoredManifest.Image($"{seed}/{arch}"), arch)).ToArray();
        foreach (var (child, _) in children)
        {
            Push(owner, name, child.Digest, child, createdAt);
        }

        var index = StoredManifest.Index(children);
        Push(owner, name, tag, index, createdAt);
        return index;
    }

    /// <summary>Removes a version as another actor would (Gitea's UI, its own cleanup rules).</summary>
    public void Remove(string owner, string name, string version)
    {
        lock (_lock)
        {
            _versions.RemoveAll(v => Same(v, owner, "container", name, version));
        }
    }

    /// <summary>Adds a version of a non-container package.</summary>
    public GiteaPackageVersion Add(string owner, string type, string name, string version, DateTimeOffset createdAt, StoredManifest? manifest = null)
    {
        lock (_lock)
        {
            _owners.Add(owner);
            _versions.RemoveAll(v => Same(v, owner, type, name, version));
            var stored = new GiteaPackageVersion(_nextId++, owner.ToLowerInvariant(), type, name.ToLowerInvariant(), version.ToLowerInvariant(), createdAt, manifest);
            _versions.Add(stored);
            return stored;
        }
    }

    public void AddOwner(string owner)
    {
        lock (_lock)
        {
            _owners.Add(owner);
        }
    }

    protected override void Map(WebApplication app)
    {
        app.MapGet("/api/v1/packages/{owner}", (HttpContext http, string owner, string? type, string? q, int? page, int? limit) =>
        {
            if (Denied(http, write: false) is { } denied)
            {
                return denied;
            }

            if (!KnownOwner(owner))
            {
                return Results.NotFound();
            }

            var all = Select(v => v.Owner.Equals(owner, StringComparison.OrdinalIgnoreCase)
                && (string.IsNullOrEmpty(type) || v.Type == type)
                && (string.IsNullOrEmpty(q) || v.Name.Contains(q, StringComparison.OrdinalIgnoreCase)));
            return Page(http, all, page, limit);
        });
        app.MapGet("/api/v1/packages/{owner}/{type}/{name}", (HttpContext http, string owner, string type, string name, int? page, int? limit) =>
        {
            if (forgejo)
            {
                return Results.NotFound(); // Forgejo has no per-package version list.
            }

            if (Denied(http, write: false) is { } denied)
            {
                return denied;
            }

            var all = Select(v => Same(v, owner, type, Decode(name), null));
            return all.Count == 0 ? Results.NotFound() : Page(http, all, page, limit);
        });
        app.MapDelete("/api/v1/packages/{owner}/{type}/{name}", (HttpContext http, string owner, string type, string name) =>
        {
            if (Denied(http, write: true) is { } denied)
            {
                return denied;
            }

            lock (_lock)
            {
                // Gitea ≥ 1.26: the whole package goes. Our client must never send this.
                return _versions.RemoveAll(v => Same(v, owner, type, Decode(name), null)) > 0 ? Results.NoContent() : Results.NotFound();
            }
        });
        app.MapGet("/api/v1/packages/{owner}/{type}/{name}/{version}", (HttpContext http, string owner, string type, string name, string version) =>
        {
            if (Denied(http, write: false) is { } denied)
            {
                return denied;
            }

            var found = Select(v => Same(v, owner, type, Decode(name), Decode(version))).FirstOrDefault();
            return found is null ? Results.NotFound() : Results.Json(ToPackage(http, found));
        });
        app.MapGet("/api/v1/packages/{owner}/{type}/{name}/{version}/files", (HttpContext http, string owner, string type, string name, string version) =>
        {
            if (Denied(http, write: false) is { } denied)
            {
                return denied;
            }

            var found = Select(v => Same(v, owner, type, Decode(name), Decode(version))).FirstOrDefault();
            if (found is null)
            {
                return Results.NotFound();
            }

            var manifest = found.Manifest;
            var sizeKey = forgejo ? "Size" : "size";
            // As Gitea's createManifestBlob stores them: manifest.json, then each blob as sha256_<hex>.
            var files = manifest is null ? [] : new[]
            {
                new Dictionary<string, object> { ["id"] = found.Id * 10, [sizeKey] = manifest.Bytes.Length, ["name"] = "manifest.json", ["md5"] = "", ["sha1"] = "", ["sha256"] = manifest.Digest["sha256:".Length..], ["sha512"] = "" },
            }.Concat(manifest.BlobSizes.Select((b, i) => new Dictionary<string, object> { ["id"] = (found.Id * 10) + i + 1, [sizeKey] = b.Size, ["name"] = "sha256_" + b.Digest["sha256:".Length..], ["md5"] = "", ["sha1"] = "", ["sha256"] = b.Digest["sha256:".Length..], ["sha512"] = "" })).ToArray();
            return Results.Json(files);
        });
        app.MapDelete("/api/v1/packages/{owner}/{type}/{name}/{version}", (HttpContext http, string owner, string type, string name, string version) =>
        {
            if (Denied(http, write: true) is { } denied)
            {
                return denied;
            }

            lock (_lock)
            {
                // One version only; no cascade, no reference check (an index may be left broken).
                return _versions.RemoveAll(v => Same(v, owner, type, Decode(name), Decode(version))) > 0 ? Results.NoContent() : Results.NotFound();
            }
        });
        app.MapMethods("/v2/{**path}", ["GET", "HEAD"], (HttpContext http, string path) => Manifest(http, path));
        app.MapPut("/v2/{**path}", (HttpContext http, string path) => PutManifestAsync(http, path));
    }

    private const string UserBearer = "bearer-for-token-holder";
    private const string AnonymousBearer = "bearer-for-anonymous";

    // GET /v2/token: basic auth with the token gives a user bearer; anonymous gets one only on
    // Forgejo-like public packages.
    private IResult IssueToken(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return BasicHasToken(http) ? Results.Json(new { token = UserBearer, expires_in = 86400 }) : Results.Unauthorized();
        }

        return forgejo ? Results.Json(new { token = AnonymousBearer, expires_in = 86400 }) : Results.Unauthorized();
    }

    private bool MayPull(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return (header.StartsWith("Basic ", StringComparison.Ordinal) && BasicHasToken(http))
            || header == "Bearer " + UserBearer
            || (forgejo && header == "Bearer " + AnonymousBearer);
    }

    private IResult Manifest(HttpContext http, string path)
    {
        if (path == "token")
        {
            return IssueToken(http);
        }

        if (!MayPull(http))
        {
            http.Response.Headers.WWWAuthenticate = $"Bearer realm=\"{Url}v2/token\",service=\"container_registry\",scope=\"*\"";
            return Results.Unauthorized();
        }

        var blobMarker = path.LastIndexOf("/blobs/", StringComparison.Ordinal);
        if (blobMarker > 0 && path[..blobMarker].IndexOf('/', StringComparison.Ordinal) is > 0 and var blobSlash)
        {
            // Gitea (GetContainerBlob): a blob exists for /v2 only while a version of this image holds it.
            var blobRepository = path[..blobMarker];
            return BlobHeld(blobRepository[..blobSlash], blobRepository[(blobSlash + 1)..], path[(blobMarker + "/blobs/".Length)..])
                ? Results.Ok()
                : Results.Json(new { errors = new[] { new { code = "BLOB_UNKNOWN" } } }, statusCode: 404);
        }

        var marker = path.LastIndexOf("/manifests/", StringComparison.Ordinal);
        if (marker < 0)
        {
            return Results.NotFound();
        }

        var repository = path[..marker];
        var reference = Uri.UnescapeDataString(path[(marker + "/manifests/".Length)..]).ToLowerInvariant();
        var slash = repository.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return Results.NotFound();
        }

        var owner = repository[..slash];
        var image = repository[(slash + 1)..];
        var candidates = Select(v => Same(v, owner, "container", image, null) && v.Manifest is not null);
        var manifest = reference.StartsWith("sha256:", StringComparison.Ordinal)
            ? candidates.Select(v => v.Manifest!).FirstOrDefault(m => m.Digest == reference)
            : candidates.FirstOrDefault(v => v.Version == reference)?.Manifest;
        if (manifest is null)
        {
            return Results.NotFound();
        }

        http.Response.Headers["Docker-Content-Digest"] = manifest.Digest;
        http.Response.ContentType = manifest.MediaType;
        http.Response.ContentLength = manifest.Bytes.Length;
        return HttpMethods.IsHead(http.Request.Method) ? Results.Empty : Results.Bytes(manifest.Bytes, manifest.MediaType);
    }

    private bool BlobHeld(string owner, string image, string digest) =>
        Select(v => Same(v, owner, "container", image, null) && v.Manifest is not null).Any(v => v.Manifest!.Blobs.Contains(digest));

    // PUT /v2/{owner}/{image}/manifests/{reference}, as Gitea's UploadManifest: every blob must be held by
    // a version of the image (else BLOB_UNKNOWN), every child of an index must be a manifest of the image
    // (else MANIFEST_BLOB_UNKNOWN); the reference (tag, or sha256:… untagged) becomes a version.
    private async Task<IResult> PutManifestAsync(HttpContext http, string path)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!((header.StartsWith("Basic ", StringComparison.Ordinal) && BasicHasToken(http)) || header == "Bearer " + UserBearer))
        {
            http.Response.Headers.WWWAuthenticate = $"Bearer realm=\"{Url}v2/token\",service=\"container_registry\",scope=\"*\"";
            return Results.Unauthorized();
        }

        var marker = path.LastIndexOf("/manifests/", StringComparison.Ordinal);
        var slash = marker < 0 ? -1 : path.IndexOf('/', StringComparison.Ordinal);
        if (marker < 0 || slash <= 0 || slash >= marker)
        {
            return Results.NotFound();
        }

        var owner = path[..slash];
        var image = path[(slash + 1)..marker];
        var reference = Uri.UnescapeDataString(path[(marker + "/manifests/".Length)..]);
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer);
        var manifest = new StoredManifest(buffer.ToArray(), http.Request.ContentType ?? StoredManifest.OciManifest);
        var manifests = Select(v => Same(v, owner, "container", image, null) && v.Manifest is not null).Select(v => v.Manifest!.Digest).ToHashSet();
        if (manifest.Children.FirstOrDefault(child => !manifests.Contains(child)) is { } missingChild)
        {
            return Results.Json(new { errors = new[] { new { code = "MANIFEST_BLOB_UNKNOWN", detail = missingChild } } }, statusCode: 404);
        }

        if (manifest.Blobs.FirstOrDefault(blob => !BlobHeld(owner, image, blob)) is { } missingBlob)
        {
            return Results.Json(new { errors = new[] { new { code = "BLOB_UNKNOWN", detail = missingBlob } } }, statusCode: 404);
        }

        Add(owner, "container", image, reference, DateTimeOffset.UtcNow, manifest);
        http.Response.Headers["Docker-Content-Digest"] = manifest.Digest;
        return Results.Created($"/v2/{owner}/{image}/manifests/{manifest.Digest}", null);
    }

    private static IResult Page(HttpContext http, List<GiteaPackageVersion> all, int? page, int? limit)
    {
        var size = limit is null or <= 0 ? 30 : Math.Min(limit.Value, 50);
        var number = page is null or <= 0 ? 1 : page.Value;
        var items = all.Skip((number - 1) * size).Take(size).Select(v => ToPackage(http, v)).ToList();
        http.Response.Headers["X-Total-Count"] = all.Count.ToString(CultureInfo.InvariantCulture);
        var last = Math.Max(1, (all.Count + size - 1) / size);
        var links = new List<string>();
        string Link(int p, string rel) => $"<{http.Request.Scheme}://{http.Request.Host}{http.Request.Path}?limit={size}&page={p}>; rel=\"{rel}\"";
        if (number < last)
        {
            links.Add(Link(number + 1, "next"));
            links.Add(Link(last, "last"));
        }

        if (number > 1)
        {
            links.Add(Link(1, "first"));
            links.Add(Link(number - 1, "prev"));
        }

        if (links.Count > 0)
        {
            http.Response.Headers["Link"] = string.Join(",", links);
        }

        return Results.Json(items);
    }

    private static Dictionary<string, object?> ToPackage(HttpContext http, GiteaPackageVersion v) => new Dictionary<string, object?>
    {
        ["id"] = v.Id,
        ["owner"] = new { id = 1, login = v.Owner, username = v.Owner },
        ["repository"] = null,
        ["creator"] = new { id = 1, login = v.Owner },
        ["type"] = v.Type,
        ["name"] = v.Name,
        ["version"] = v.Version,
        ["html_url"] = $"{http.Request.Scheme}://{http.Request.Host}/{v.Owner}/-/packages/{v.Type}/{v.Name}/{v.Version}",
        ["created_at"] = v.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
    };

    private IResult? Denied(HttpContext http, bool write)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var given = header.StartsWith("token ", StringComparison.Ordinal) ? header["token ".Length..] : null;
        if (given is null && !write && forgejo)
        {
            return null;
        }

        return given == token ? null : Results.Unauthorized();
    }

    private bool BasicHasToken(HttpContext http)
    {
        var encoded = http.Request.Headers.Authorization.ToString()["Basic ".Length..];
        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
        return decoded.EndsWith(":" + token, StringComparison.Ordinal);
    }

    private bool KnownOwner(string owner)
    {
        lock (_lock)
        {
            return _owners.Contains(owner);
        }
    }

    private List<GiteaPackageVersion> Select(Func<GiteaPackageVersion, bool> predicate)
    {
        lock (_lock)
        {
            return [.. _versions.Where(predicate).OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Id)];
        }
    }

    private static bool Same(GiteaPackageVersion v, string owner, string type, string name, string? version) =>
        v.Owner.Equals(owner, StringComparison.OrdinalIgnoreCase) && v.Type == type
        && v.Name.Equals(name, StringComparison.OrdinalIgnoreCase)
        && (version is null || v.Version.Equals(version, StringComparison.OrdinalIgnoreCase));
}
