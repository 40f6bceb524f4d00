using System.Collections.Concurrent;

namespace OciCleanup.Cleaner.Inventory.GitHub;

/// <summary>
/// Where each owner's packages are listed, asked of the API, not configured (docs/configuration.md, "ghcr.io (`kind: github`)"): an organisation
/// under <c>orgs/NAME</c>, the token's own account under <c>user</c> (so its private packages appear), any
/// other user under <c>users/NAME</c> (public packages only). The account is read once per instance.
/// </summary>
internal sealed class GitHubOwners(GitHubApi api)
{
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, string> _paths = new(StringComparer.OrdinalIgnoreCase);
    private Task<(string? Login, TokenAbilities Token)>? _account;

    /// <summary>The token's login once the account has been read; null before, or when GitHub names none.</summary>
    public string? KnownLogin => _account is { IsCompletedSuccessfully: true } done ? done.Result.Login : null;

    /// <summary>The account, read once; a failed read is tried again by the next caller.</summary>
    public Task<(string? Login, TokenAbilities Token)> AccountAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_account is null || _account.IsFaulted || _account.IsCanceled)
            {
                _account = api.AccountAsync(cancellationToken);
            }

            return _account;
        }
    }

    public async Task<string> PathAsync(string owner, CancellationToken cancellationToken)
    {
        if (_paths.TryGetValue(owner, out var known))
        {
            return known;
        }

        var (login, _) = await AccountAsync(cancellationToken);
        var type = await api.OwnerTypeAsync(owner, cancellationToken);
        var path = type switch
        {
            "Organization" => $"orgs/{owner}",
            "User" when string.Equals(owner, login, StringComparison.OrdinalIgnoreCase) => "user",
            "User" => $"users/{owner}",
            _ => throw new RegistryException(api.Registry, $"owner {owner} is a {type}, neither a user nor an organisation"),
        };
        return _paths[owner] = path;
    }
}
