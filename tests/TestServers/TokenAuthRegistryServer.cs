using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OciCleanup.TestServers;

/// <summary>
/// A distribution registry front that demands token auth as Docker Hub, GHCR or Harbor do: 401 with
/// a Bearer challenge naming a realm; the realm swaps basic credentials for a token. Serves an
/// empty catalog once authorised.
/// </summary>
public sealed class TokenAuthRegistryServer(string user, string password) : LoopbackServer
{
    private const string Token = "registry-bearer-token";

    protected override void Map(WebApplication app)
    {
        app.MapGet("/token", (HttpContext http, string service, string? scope) =>
        {
            var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
            return http.Request.Headers.Authorization.ToString() == expected && service == "test-registry"
                ? Results.Json(new { token = Token, expires_in = 300 })
                : Results.Unauthorized();
        });
        app.MapGet("/v2/_catalog", (HttpContext http) =>
        {
            if (http.Request.Headers.Authorization.ToString() != "Bearer " + Token)
            {
                http.Response.Headers.WWWAuthenticate = $"Bearer realm=\"{Url}token\",service=\"test-registry\",scope=\"registry:catalog:*\"";
                return Results.Json(new { errors = new[] { new { code = "UNAUTHORIZED" } } }, statusCode: 401);
            }

            return Results.Json(new { repositories = Array.Empty<string>() });
        });
    }
}
