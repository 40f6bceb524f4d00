using System.Text.Json;

namespace OciCleanup.Cleaner.Inventory.GitHub;

/// <summary>
/// Requests to GitHub's REST API and their answers as JSON. A transport failure, an unreadable body
/// or an error status becomes a <see cref="RegistryException"/> that keeps GitHub's own words
/// (<c>message</c>, shortened, never a header), so a refused delete says why.
/// </summary>
internal sealed class GitHubHttp(HttpClient http, string registry)
{
    private const int MaxMessageLength = 300;

    public string Registry => registry;

    public Uri BaseAddress => http.BaseAddress!;

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathOrUrl, string what, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, pathOrUrl);
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or Polly.Timeout.TimeoutRejectedException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new RegistryException(registry, $"{what}: {ErrorCause.Describe(e, http.Timeout, http.BaseAddress)}");
        }
    }

    /// <summary>The body of a 2xx answer as JSON; anything else fails with the status and GitHub's message.</summary>
    public async Task<JsonDocument> JsonAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorAsync(response, what, cancellationToken);
        }

        try
        {
            return JsonDocument.Parse(await BoundedBody.ReadAsync(response.Content, ReadBounds.RegistryResponseBytes, cancellationToken));
        }
        catch (Exception e) when (e is JsonException or IOException or HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new RegistryException(registry, $"{what}: the body is not the JSON expected: {ErrorCause.Describe(e, http.Timeout, http.BaseAddress)}");
        }
    }

    /// <summary>An error answer as an exception: its status and what GitHub said, in a line.</summary>
    public async Task<RegistryException> ErrorAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken) =>
        new(registry, $"{what}: HTTP {(int)response.StatusCode}{(await MessageAsync(response, cancellationToken) is { } said ? $": GitHub says \"{said}\"" : "")}");

    /// <summary>GitHub's <c>message</c> from an error body, as one short line; null when there is none.</summary>
    public static async Task<string?> MessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var json = JsonDocument.Parse(await BoundedBody.ReadAsync(response.Content, 64 * 1024, cancellationToken));
            if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("message", out var m) || m.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            var text = new string([.. m.GetString()!.Select(c => char.IsControl(c) ? ' ' : c)]).Trim();
            return text.Length > MaxMessageLength ? text[..MaxMessageLength] + "…" : text;
        }
        catch (Exception e) when (e is JsonException or IOException or HttpRequestException)
        {
            return null;
        }
    }
}
