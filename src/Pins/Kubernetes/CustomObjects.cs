using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using k8s;
using k8s.Autorest;

namespace OciCleanup.Pins.Kubernetes;

/// <summary>
/// Lists custom resources (Flux objects) completely. A page that cannot be parsed (an object nested
/// deeper than the client reads, 64 levels) fails the source naming that object: its name comes
/// from the same page read again as metadata only (<c>PartialObjectMetadataList</c>).
/// </summary>
internal sealed partial class CustomObjects(IKubernetes client, string cluster, TimeSpan? listTimeout = null)
{
    private static readonly Dictionary<string, IReadOnlyList<string>> MetadataOnly = new()
    {
        ["Accept"] = ["application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1"],
    };

    /// <summary>Every object of a kind; a kind the group does not serve (404) is a note.</summary>
    public async Task<List<JsonNode>> ListAsync(string group, string version, string plural, string kind, List<string> notes, CancellationToken cancellationToken)
    {
        try
        {
            return await PagedList.AllAsync<JsonNode>($"{plural}.{group}/{version}", async (token, ct) =>
            {
                CustomObjectList page;
                try
                {
                    page = (await client.CustomObjects.ListClusterCustomObjectWithHttpMessagesAsync<CustomObjectList>(group, version, plural, continueParameter: token, limit: PagedList.PageSize, cancellationToken: ct)).Body;
                }
                catch (JsonException e) when (ItemIndex().Match(e.Path ?? "") is { Success: true } m)
                {
                    var name = await NameOfAsync(group, version, plural, token, int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), ct);
                    throw new KubernetesSourceException($"{Provenance.Of(cluster, name.Namespace, kind, name.Name)} cannot be read: the object is not the JSON expected ({e.Message})", e);
                }

                IEnumerable<JsonNode> items = [.. (page.Items ?? []).Select(i => JsonNode.Parse(i.GetRawText())).OfType<JsonNode>()];
                return (items, page.Metadata?.ContinueProperty);
            }, listTimeout, cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            // Discovery listed the group but the resource is not served: a CRD that is not installed.
            notes.Add($"{plural}.{group}/{version} not installed");
            return [];
        }
    }

    // The object at `index` of the page read with `token`, by its metadata alone; "?" when even that cannot be read.
    private async Task<(string? Namespace, string Name)> NameOfAsync(string group, string version, string plural, string? token, int index, CancellationToken cancellationToken)
    {
        try
        {
            var page = (await client.CustomObjects.ListClusterCustomObjectWithHttpMessagesAsync<CustomObjectList>(group, version, plural, continueParameter: token, limit: PagedList.PageSize, customHeaders: MetadataOnly, cancellationToken: cancellationToken)).Body;
            var item = page.Items is { } items && index < items.Count ? JsonNode.Parse(items[index].GetRawText()) : null;
            return (JsonTree.At(item, "metadata.namespace"), JsonTree.At(item, "metadata.name") ?? $"item {index} of a page");
        }
        catch (Exception e) when (e is JsonException or HttpOperationException or HttpRequestException)
        {
            return (null, $"item {index} of a page");
        }
    }

    [GeneratedRegex(@"^\$\.items\[(\d+)\]")]
    private static partial Regex ItemIndex();
}
