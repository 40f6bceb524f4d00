namespace OciCleanup.TestServers.GitHub;

/// <summary>A GitHub account that owns packages: a user, or an organisation with members who see its private packages.</summary>
public sealed record GitHubOwner(long Id, string Login, bool IsOrganization, IReadOnlySet<string> Members)
{
    public string Type => IsOrganization ? "Organization" : "User";

    /// <summary>Whether <paramref name="login"/> sees this owner's private packages (the user itself, or a member).</summary>
    public bool Admits(string login) =>
        Login.Equals(login, StringComparison.OrdinalIgnoreCase) || Members.Contains(login);
}
