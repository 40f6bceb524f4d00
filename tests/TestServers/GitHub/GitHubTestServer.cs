using System.Collections.Concurrent;

namespace OciCleanup.TestServers.GitHub;

/// <summary>
/// A fake GitHub on loopback: the packages REST API (<see cref="Api"/>, as api.github.com) and the
/// container registry (<see cref="Ghcr"/>, as ghcr.io) on two ports over one <see cref="State"/>.
///
/// Where the behaviour comes from (read, not copied):
/// - github/rest-api-description, descriptions/api.github.com/api.github.com.yaml, paths
///   "/orgs/{org}/packages" … "/versions/{package_version_id}/restore" (and the /users/{username}, /user
///   twins): package_type required on lists; page (default 1) and per_page (default 30, max 100);
///   state active|deleted (default active); DELETE and restore answer 204; read:packages to read,
///   read:packages + delete:packages to delete, read:packages + write:packages to restore; restore only
///   within 30 days and while the namespace and version are not reused; a public version past 5,000
///   downloads cannot be deleted. The package-version schema (required id, name, url, package_html_url,
///   created_at, updated_at; optional html_url, deleted_at, metadata.package_type,
///   metadata.container.tags; the URL shapes of its examples) was read as clients generated from that
///   description embed it (php-api-clients/github Schema/PackageVersion), the YAML being too large to page to.
/// - docs.github.com "Rate limits for the REST API" and "Troubleshooting": 5,000 requests an hour per
///   PAT; x-ratelimit-limit/remaining/used/reset (epoch seconds)/resource; over the primary limit 403 or
///   429 with remaining 0; secondary limits 403 or 429, with retry-after when present.
/// - Observed answers quoted in peers' issues: 400 for the 5,000-download refusal
///   (chizkiyahu/delete-untagged-ghcr-action#40) and for deleting a package's last (tagged) version
///   (SmartsquareGmbH/delete-old-packages#33, actions/delete-package-versions#231, kairos-io/kairos#4723);
///   the secondary-limit and primary-limit messages (KnpLabs/php-github-api#1070); ghcr.io's /v2 DELETE
///   answering 405 (okxlin/docker-mirror-monitor#13). Our choices where GitHub documents nothing: a
///   restore refused for a reused name answers 400; a purged version 404.
/// </summary>
public sealed class GitHubTestServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, GitHubToken> _tokens = new(StringComparer.Ordinal);

    public GitHubTestServer(TimeProvider? time = null)
    {
        Time = time ?? TimeProvider.System;
        State = new GitHubState(Time);
        Api = new GitHubApiServer(this);
        Ghcr = new GhcrServer(this);
    }

    public TimeProvider Time { get; }

    public GitHubOptions Options { get; } = new();

    /// <summary>The fleet: owners, packages, versions; build it before or during a test.</summary>
    public GitHubState State { get; }

    public GitHubApiServer Api { get; }

    public GhcrServer Ghcr { get; }

    public Uri ApiUrl => Api.Url;

    public Uri RegistryUrl => Ghcr.Url;

    /// <summary>The registry's host:port, as image references name it (<c>127.0.0.1:PORT/owner/name:tag</c>).</summary>
    public string RegistryHost => Ghcr.Url.Authority;

    public GitHubToken AddToken(GitHubToken token)
    {
        _tokens[token.Value] = token;
        State.AddUser(token.Login);
        return token;
    }

    internal GitHubToken? FindToken(string value) => _tokens.TryGetValue(value, out var token) ? token : null;

    /// <summary>Both servers' requests, API first, with how each authenticated (never the credential).</summary>
    public IReadOnlyList<GitHubRequest> Log =>
    [
        .. Api.Requests.Select(r => new GitHubRequest("api", r.Method, r.Path, r.Query, AuthKind("api", r.Authorization))),
        .. Ghcr.Requests.Select(r => new GitHubRequest("ghcr", r.Method, r.Path, r.Query, AuthKind("ghcr", r.Authorization))),
    ];

    public async Task StartAsync()
    {
        await Api.StartAsync();
        await Ghcr.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        await Ghcr.DisposeAsync();
    }

    private string AuthKind(string server, string? authorization)
    {
        if (string.IsNullOrEmpty(authorization))
        {
            return "none";
        }

        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? authorization : authorization[..space];
        if (scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return "basic";
        }

        return FindToken(authorization[(space + 1)..])?.Kind switch
        {
            GitHubTokenKind.Classic => "classic",
            GitHubTokenKind.FineGrained => "fine-grained",
            GitHubTokenKind.Actions => "actions",
            _ => server == "ghcr" && scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) ? "bearer" : "unknown-token",
        };
    }
}
