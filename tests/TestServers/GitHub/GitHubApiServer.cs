using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OciCleanup.TestServers.GitHub;

/// <summary>
/// api.github.com's part of <see cref="GitHubTestServer"/>: every request needs a known token (401
/// otherwise); a classic PAT's scopes come back in <c>X-OAuth-Scopes</c>; each answered request spends
/// the token's hourly budget (X-RateLimit-* headers); secondary limits answer 403/429 with <c>Retry-After</c>.
/// </summary>
public sealed class GitHubApiServer : LoopbackServer
{
    private const string RateLimitDocs = "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api";
    private readonly GitHubTestServer _hub;
    private readonly GitHubRateLimits _limits;

    internal GitHubApiServer(GitHubTestServer hub)
    {
        _hub = hub;
        _limits = new GitHubRateLimits(hub.Options, hub.Time);
    }

    internal const string TokenItem = "github-token";

    protected override void Map(WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (Gate(http) is { } refused)
            {
                await refused.ExecuteAsync(http);
                return;
            }

            await next(http);
        });
        GitHubPackagesRoutes.Map(app, _hub);
    }

    private IResult? Gate(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var value = header.StartsWith("token ", StringComparison.OrdinalIgnoreCase) ? header[6..]
            : header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..]
            : null;
        if (value is null)
        {
            return Results.Json(GitHubJson.Error("Requires authentication"), statusCode: 401);
        }

        if (_hub.FindToken(value) is not { } token)
        {
            return Results.Json(GitHubJson.Error("Bad credentials"), statusCode: 401);
        }

        http.Items[TokenItem] = token;
        if (token.Kind == GitHubTokenKind.Classic)
        {
            http.Response.Headers["X-OAuth-Scopes"] = string.Join(", ", token.Scopes);
        }

        if (!_limits.Spend(http.Response, token.Value))
        {
            var userId = _hub.State.AddUser(token.Login).Id;
            return Results.Json(GitHubJson.Error($"API rate limit exceeded for user ID {userId}.", RateLimitDocs), statusCode: 403);
        }

        if (_limits.Secondary(http.Request))
        {
            http.Response.Headers.RetryAfter = _hub.Options.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Json(GitHubJson.Error("You have exceeded a secondary rate limit. Please wait a few minutes before you try again.", RateLimitDocs), statusCode: _hub.Options.SecondaryStatus);
        }

        return null;
    }
}
