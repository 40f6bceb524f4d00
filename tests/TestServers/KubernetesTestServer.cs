using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OciCleanup.TestServers;

/// <summary>
/// A Kubernetes API server for KubernetesClient over plain HTTP: discovery (<c>/api</c>, <c>/apis</c>),
/// cluster-wide lists with <c>limit</c>/<c>continue</c> pagination (an expired token answers 410),
/// get by name, bearer-token auth, and faults on demand (any status on a path, or the server going
/// away after N requests). Serves real-shaped manifests loaded from YAML or JSON, metadata-only lists
/// (<c>as=PartialObjectMetadataList</c>), and can change what it serves between runs: an API group in
/// other versions only (<see cref="ServeOnly"/>), or nothing at all (<see cref="Clear"/>).
/// </summary>
public sealed class KubernetesTestServer(string token) : LoopbackServer
{
    private readonly List<JsonObject> _objects = [];
    private readonly HashSet<string> _installedGroups = ["apps/v1", "batch/v1"];
    private readonly ConcurrentDictionary<string, (int Status, int Remaining)> _faults = new();
    private readonly ConcurrentDictionary<string, string> _rawBodies = new();
    private readonly ConcurrentDictionary<string, Fault> _bodyFaults = new();
    private int _epoch;
    private int _requestsServed;
    private int _dieAfter = int.MaxValue;

    /// <summary>Applies every object of a multi-document YAML manifest; their API groups count as installed.</summary>
    public void Apply(string yaml)
    {
        foreach (var o in YamlManifests.Parse(yaml))
        {
            ApplyJson(o);
        }
    }

    /// <summary>
    /// Applies one object given as JSON (for shapes YAML cannot write conveniently, e.g. values nested 70 deep):
    /// like <c>kubectl apply</c>, it replaces the object with the same apiVersion, kind, namespace and name.
    /// </summary>
    public void ApplyJson(JsonObject o)
    {
        lock (_objects)
        {
            _objects.RemoveAll(existing => Identity(existing) == Identity(o));
            _objects.Add(o);
            if (Group(o) is { Length: > 0 } group)
            {
                _installedGroups.Add(group + "/" + Version(o));
            }
        }
    }

    /// <summary>Serves <paramref name="group"/> in exactly <paramref name="versions"/> from now on (none: not installed), as a Flux upgrade would.</summary>
    public void ServeOnly(string group, params string[] versions)
    {
        lock (_objects)
        {
            _installedGroups.RemoveWhere(gv => gv.StartsWith(group + "/", StringComparison.Ordinal));
            _installedGroups.UnionWith(versions.Select(v => $"{group}/{v}"));
        }
    }

    /// <summary>Forgets every object and every installed group: the running server now answers 200 with nothing.</summary>
    public void Clear()
    {
        lock (_objects)
        {
            _objects.Clear();
            _installedGroups.Clear();
            _installedGroups.UnionWith(["apps/v1", "batch/v1"]);
        }
    }

    /// <summary>Serves a CRD group/version with no objects (installed but empty).</summary>
    public void Install(string groupVersion)
    {
        lock (_objects)
        {
            _installedGroups.Add(groupVersion);
        }
    }

    /// <summary>Answers <paramref name="status"/> on requests whose path starts with <paramref name="pathPrefix"/>, <paramref name="times"/> times.</summary>
    public void Fail(string pathPrefix, int status, int times = int.MaxValue) => _faults[pathPrefix] = (status, times);

    /// <summary>Answers 200 with <paramref name="body"/> as it is (not necessarily JSON) on requests whose path starts with <paramref name="pathPrefix"/>.</summary>
    public void AnswerRaw(string pathPrefix, string body) => _rawBodies[pathPrefix] = body;
    /// <summary>Answers requests whose path starts with <paramref name="pathPrefix"/> with <paramref name="fault"/> (a trickled body, a page whose continue token never runs out).</summary>
    public void Serve(string pathPrefix, Fault fault) => _bodyFaults[pathPrefix] = fault;

    /// <summary>Makes every continue token issued so far expire (the next use answers 410 Gone).</summary>
    public void ExpireContinueTokens() => Interlocked.Increment(ref _epoch);

    /// <summary>After <paramref name="requests"/> more requests the server drops every connection, as a dying API server.</summary>
    public void DieAfter(int requests) => _dieAfter = requests;

    /// <summary>Called with the query string of every list request before it is answered, to change state mid-list.</summary>
    public Action<string>? OnList { get; set; }

    /// <summary>A kubeconfig that points KubernetesClient here.</summary>
    public string Kubeconfig(string context = "test") => $"""
        apiVersion: v1
        kind: Config
        clusters:
          - name: {context}
            cluster:
              server: {Url.ToString().TrimEnd('/')}
        users:
          - name: {context}
            user:
              token: {token}
        contexts:
          - name: {context}
            context:
              cluster: {context}
              user: {context}
        current-context: {context}
        """;

    protected override void Map(WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (Interlocked.Increment(ref _requestsServed) > _dieAfter)
            {
                http.Abort();
                return;
            }

            if (http.Request.Headers.Authorization.ToString() != "Bearer " + token)
            {
                await Write(http, 401, Status(401, "Unauthorized", "Unauthorized"));
                return;
            }

            var fault = _faults.FirstOrDefault(f => http.Request.Path.Value!.StartsWith(f.Key, StringComparison.Ordinal) && f.Value.Remaining > 0);
            if (fault.Key is not null)
            {
                _faults[fault.Key] = (fault.Value.Status, fault.Value.Remaining - 1);
                await Write(http, fault.Value.Status, Status(fault.Value.Status, "InjectedFault", $"injected fault {fault.Value.Status}"));
                return;
            }

            if (_rawBodies.FirstOrDefault(b => http.Request.Path.Value!.StartsWith(b.Key, StringComparison.Ordinal)) is { Key: not null } raw)
            {
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync(raw.Value);
                return;
            }

            var body = _bodyFaults.FirstOrDefault(f => http.Request.Path.Value!.StartsWith(f.Key, StringComparison.Ordinal));
            if (body.Key is not null)
            {
                await body.Value.ApplyAsync(http, new ProxiedResponse(200, new Dictionary<string, string> { ["Content-Type"] = "application/json" }, []));
                return;
            }

            await next(http);
        });
        app.MapGet("/api", () => Results.Json(new { kind = "APIVersions", versions = new[] { "v1" } }));
        app.MapGet("/apis", Discovery);
        app.MapGet("/api/v1/{plural}", (HttpContext http, string plural) => List(http, "", "v1", plural));
        app.MapGet("/apis/{group}/{version}/{plural}", (HttpContext http, string group, string version, string plural) => List(http, group, version, plural));
        app.MapGet("/api/v1/namespaces/{ns}/{plural}/{name}", (string ns, string plural, string name) => Get("", "v1", plural, ns, name));
        app.MapGet("/apis/{group}/{version}/namespaces/{ns}/{plural}/{name}", (string group, string version, string ns, string plural, string name) => Get(group, version, plural, ns, name));
    }

    private IResult Discovery()
    {
        lock (_objects)
        {
            var groups = _installedGroups.Select(gv => gv.Split('/')).GroupBy(p => p[0]).Select(g => new
            {
                name = g.Key,
                versions = g.Select(p => new { groupVersion = $"{g.Key}/{p[1]}", version = p[1] }).ToArray(),
                preferredVersion = new { groupVersion = $"{g.Key}/{g.First()[1]}", version = g.First()[1] },
            });
            return Results.Json(new { kind = "APIGroupList", apiVersion = "v1", groups });
        }
    }

    private IResult List(HttpContext http, string group, string version, string plural)
    {
        OnList?.Invoke(http.Request.QueryString.Value ?? "");
        List<JsonObject> all;
        lock (_objects)
        {
            if (group.Length > 0 && !_installedGroups.Contains($"{group}/{version}"))
            {
                return Results.Json(Status(404, "NotFound", "the server could not find the requested resource"), statusCode: 404);
            }

            all = [.. _objects.Where(o => Group(o) == group && Version(o) == version && Plural(o) == plural)
                .OrderBy(o => o["metadata"]?["namespace"]?.ToString(), StringComparer.Ordinal)
                .ThenBy(o => o["metadata"]?["name"]?.ToString(), StringComparer.Ordinal)];
        }

        var offset = 0;
        if (http.Request.Query["continue"].FirstOrDefault() is { Length: > 0 } token)
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split(':');
            if (int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) != _epoch)
            {
                return Results.Json(Status(410, "Expired", "The provided continue parameter is too old to display a consistent list result."), statusCode: 410);
            }

            offset = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        }

        var limit = int.TryParse(http.Request.Query["limit"], out var l) && l > 0 ? l : int.MaxValue;
        var page = all.Skip(offset).Take(limit).Select(o => o.DeepClone()).ToList();
        var next = offset + page.Count < all.Count ? Convert.ToBase64String(Encoding.UTF8.GetBytes($"{offset + page.Count}:{_epoch}")) : null;
        var kind = all.FirstOrDefault()?["kind"]?.ToString() ?? "Item";
        var apiVersion = group.Length == 0 ? version : $"{group}/{version}";
        if (http.Request.Headers.Accept.ToString().Contains("as=PartialObjectMetadataList", StringComparison.Ordinal))
        {
            // The metadata-only form an API server answers when asked for it (meta.k8s.io/v1).
            page = [.. page.Select(o => new JsonObject { ["apiVersion"] = "meta.k8s.io/v1", ["kind"] = "PartialObjectMetadata", ["metadata"] = o["metadata"]?.DeepClone() })];
            (kind, apiVersion) = ("PartialObjectMetadata", "meta.k8s.io/v1");
        }

        var list = new JsonObject
        {
            ["kind"] = kind + "List",
            ["apiVersion"] = apiVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = "1000", ["continue"] = next },
            ["items"] = new JsonArray([.. page]),
        };
        return Results.Text(list.ToJsonString(), "application/json");
    }

    private IResult Get(string group, string version, string plural, string ns, string name)
    {
        lock (_objects)
        {
            var found = _objects.FirstOrDefault(o => Group(o) == group && Version(o) == version && Plural(o) == plural
                && o["metadata"]?["namespace"]?.ToString() == ns && o["metadata"]?["name"]?.ToString() == name);
            return found is null
                ? Results.Json(Status(404, "NotFound", $"{plural} \"{name}\" not found"), statusCode: 404)
                : Results.Text(found.ToJsonString(), "application/json");
        }
    }

    private static async Task Write(HttpContext http, int status, object body)
    {
        http.Response.StatusCode = status;
        await http.Response.WriteAsJsonAsync(body);
    }

    private static object Status(int code, string reason, string message) =>
        new { kind = "Status", apiVersion = "v1", metadata = new { }, status = "Failure", message, reason, code };

    private static string Identity(JsonObject o) =>
        $"{o["apiVersion"]}|{o["kind"]}|{o["metadata"]?["namespace"]}|{o["metadata"]?["name"]}";

    private static string Group(JsonObject o) => o["apiVersion"]!.ToString() is var av && av.Contains('/', StringComparison.Ordinal) ? av[..av.IndexOf('/', StringComparison.Ordinal)] : "";

    private static string Version(JsonObject o) => o["apiVersion"]!.ToString().Split('/')[^1];

    private static string Plural(JsonObject o)
    {
        var kind = o["kind"]!.ToString().ToLowerInvariant();
        return kind.EndsWith('y') ? kind[..^1] + "ies" : kind + "s";
    }
}
