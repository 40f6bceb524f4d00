namespace OciCleanup.TestServers.GitHub;

/// <summary>What kind of credential a token is; each kind may do different things with packages.</summary>
public enum GitHubTokenKind
{
    /// <summary>A personal access token (classic): its scopes decide, and come back in <c>X-OAuth-Scopes</c>.</summary>
    Classic,

    /// <summary>A fine-grained personal access token: no <c>X-OAuth-Scopes</c>; reads packages, cannot delete or restore versions.</summary>
    FineGrained,

    /// <summary>A workflow's <c>GITHUB_TOKEN</c>: cannot list packages; deletes only packages its repository administers.</summary>
    Actions,
}
