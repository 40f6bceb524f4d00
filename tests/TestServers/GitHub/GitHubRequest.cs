namespace OciCleanup.TestServers.GitHub;

/// <summary>
/// One request to the fake GitHub: which server (<c>api</c> or <c>ghcr</c>), what was asked, and how it
/// authenticated (<c>none</c>, <c>classic</c>, <c>fine-grained</c>, <c>actions</c>, <c>unknown-token</c>,
/// <c>basic</c>, <c>bearer</c> for a ghcr.io token) — never the credential itself.
/// </summary>
public sealed record GitHubRequest(string Server, string Method, string Path, string Query, string AuthKind);
