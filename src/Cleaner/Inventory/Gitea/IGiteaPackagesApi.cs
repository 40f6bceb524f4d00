using Refit;

namespace OciCleanup.Cleaner.Inventory;

/// <summary>The parts of Gitea's <c>/api/v1/packages</c> API we use (shared/contracts).</summary>
internal interface IGiteaPackagesApi
{
    /// <summary>One page of the owner's package versions, newest first; page with <c>X-Total-Count</c>/<c>Link</c>.</summary>
    [Get("/api/v1/packages/{owner}")]
    Task<IApiResponse<List<GiteaPackage>>> ListVersionsAsync(string owner, string? type, int page, int limit, CancellationToken cancellationToken);

    [Get("/api/v1/packages/{owner}/{type}/{name}/{version}")]
    Task<IApiResponse<GiteaPackage>> GetVersionAsync(string owner, string type, string name, string version, CancellationToken cancellationToken);

    /// <summary>The files of one version (a container's manifest, config and layers) with their sizes; counts no download.</summary>
    [Get("/api/v1/packages/{owner}/{type}/{name}/{version}/files")]
    Task<IApiResponse<System.Text.Json.JsonElement>> ListFilesAsync(string owner, string type, string name, string version, CancellationToken cancellationToken);

    /// <summary>Deletes one version. Call only through <see cref="GiteaRegistry"/>, which refuses an empty version.</summary>
    [Delete("/api/v1/packages/{owner}/{type}/{name}/{version}")]
    Task<IApiResponse> DeleteVersionAsync(string owner, string type, string name, string version, CancellationToken cancellationToken);
}
