using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace OciCleanup.Cleaner.Inventory;

/// <summary>
/// The one place that puts credentials on a request, and only on a request to the registry's own
/// authority: a redirect target or a link to another host gets none, and its 401 is never answered.
/// With <paramref name="answerChallenges"/>, a 401 from the registry itself with <c>WWW-Authenticate:
/// Bearer realm=…,service=…,scope=…</c> is answered: the realm, if <see cref="CredentialScope"/> allows
/// it, swaps the credentials for a token, cached per scope, and the request is sent again with it. A
/// realm it does not allow fails the request with a message naming the realm and <c>authRealms</c>.
/// Only bodiless requests (GET, HEAD, DELETE) pass through here.
/// </summary>
internal sealed class RegistryAuthHandler(CredentialScope scope, AuthenticationHeaderValue? credentials, bool answerChallenges) : DelegatingHandler
{
    private static readonly string[] TokenQueryKeys = ["service", "scope"];
    private readonly ConcurrentDictionary<string, string> _tokens = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = null;
        if (!scope.IsRegistry(request.RequestUri))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var scopeKey = request.RequestUri!.AbsolutePath;
        var cached = _tokens.FirstOrDefault(t => scopeKey.Contains(t.Key, StringComparison.Ordinal)).Value;
        request.Headers.Authorization = cached is not null ? new AuthenticationHeaderValue("Bearer", cached) : credentials;
        var response = await base.SendAsync(request, cancellationToken);
        if (!answerChallenges
            || response.StatusCode != HttpStatusCode.Unauthorized
            || response.Headers.WwwAuthenticate.FirstOrDefault(h => h.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)) is not { Parameter: { } parameter })
        {
            return response;
        }

        var challenge = Parse(parameter);
        if (!challenge.TryGetValue("realm", out var realm) || !Uri.TryCreate(realm, UriKind.Absolute, out var realmUri))
        {
            return response;
        }

        if (credentials is not null && scope.RealmRefusal(realmUri) is { } refusal)
        {
            response.Dispose();
            throw new RegistryException(scope.Registry, refusal);
        }

        var query = string.Join("&", TokenQueryKeys.Where(challenge.ContainsKey).Select(k => $"{k}={Uri.EscapeDataString(challenge[k])}"));
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Get, realm + (query.Length > 0 ? "?" + query : ""));
        tokenRequest.Headers.Authorization = credentials;
        using var tokenResponse = await base.SendAsync(tokenRequest, cancellationToken);
        if (!tokenResponse.IsSuccessStatusCode)
        {
            return response;
        }

        // Bounded like every other body: a token service answering without end fails the request, it does not grow the process.
        using var json = JsonDocument.Parse(await BoundedBody.ReadAsync(tokenResponse.Content, ReadBounds.RegistryResponseBytes, cancellationToken));
        var token = json.RootElement.TryGetProperty("token", out var t) ? t.GetString() : json.RootElement.TryGetProperty("access_token", out var a) ? a.GetString() : null;
        if (token is null)
        {
            return response;
        }

        var repository = challenge.TryGetValue("scope", out var tokenScope) && tokenScope.Split(':') is [_, var name, ..] ? $"/v2/{name}/" : "/v2/";
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
            .GroupBy(kv => kv[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First()[1].Trim().Trim('"'), StringComparer.OrdinalIgnoreCase);
}
