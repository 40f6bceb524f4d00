using System.Text.Json.Serialization;

namespace OciCleanup.Cleaner.Inventory;

/// <summary>Gitea's <c>Package</c> (swagger): one object per package <em>version</em>; <c>id</c> is the version id.</summary>
internal sealed record GiteaPackage(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("owner")] GiteaUser? Owner,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("html_url")] string? HtmlUrl);

internal sealed record GiteaUser([property: JsonPropertyName("login")] string Login);
