using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace OciCleanup.Cleaner.Inventory;

/// <summary>
/// Registry token auth: on a 401 with <c>WWW-Authenticate: Bearer realm=…,service=…,scope=…</c>,
/// fetch a token from the realm (with the basic credentials, if any), cache it per scope, and
/// send the request again with it. Only bodiless requests (GET, HEAD, DELETE) pass through here.
/// </summary>
internal sealed class RegistryAuthHandler(AuthenticationHeaderValue? basic) : DelegatingHandler
{
    private static readonly string[] TokenQueryKeys = ["service", "scope"];
    private readonly ConcurrentDictionary<string, string> _tokens = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var scopeKey = request.RequestUri?.AbsolutePath ?? "";
        var cached = _tokens.FirstOrDefault(t => scopeKey.Contains(t.Key, StringComparison.Ordinal)).Value;
        request.Headers.Authorization = cached is not null ? new AuthenticationHeaderValue("Bearer", cached) : basic;
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized
            || response.Headers.WwwAuthenticate.FirstOrDefault(h => h.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)) is not { Parameter: { } parameter })
        {
            return response;
        }

        var challenge = Parse(parameter);
        if (!challenge.TryGetValue("realm", out var realm))
        {
            return response;
        }

        var query = string.Join("&", TokenQueryKeys.Where(challenge.ContainsKey).Select(k => $"{k}={Uri.EscapeDataString(challenge[k])}"));
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Get, realm + (query.Length > 0 ? "?" + query : ""));
        tokenRequest.Headers.Authorization = basic;
        using var tokenResponse = await base.SendAsync(tokenRequest, cancellationToken);
        if (!tokenResponse.IsSuccessStatusCode)
        {
            return response;
        }

        using var json = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync(cancellationToken));
        var token = json.RootElement.TryGetProperty("token", out var t) ? t.GetString() : json.RootElement.TryGetProperty("access_token", out var a) ? a.GetString() : null;
        if (token is null)
        {
            return response;
        }

        var repository = challenge.TryGetValue("scope", out var scope) && scope.Split(':') is [_, var name, ..] ? $"/v2/{name}/" : "/v2/";
        _tokens[repository] = token;
        response.Dispose();
        var retry = new HttpRequestMessage(request.Method, request.RequestUri);
        foreach (var header in request.Headers.Where(h => h.Key != "Authorization"))
        {
            retry.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        retry.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(retry, cancellationToken);
    }

    private static Dictionary<string, string> Parse(string parameter) =>
        parameter.Split(',', StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(kv => kv.Length == 2)
            .ToDictionary(kv => kv[0].Trim(), kv => kv[1].Trim().Trim('"'));
}
