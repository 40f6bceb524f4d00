namespace OciCleanup.Pins.Git;

/// <summary>
/// The environment every git process of a source runs with. Credentials reach git only through it,
/// never through arguments (which any user can read in <c>/proc</c>) or the repository's config:
/// an https token through <c>GIT_ASKPASS</c>, a script that reads the token file named in
/// <see cref="TokenFileVariable"/>; an ssh key through <c>GIT_SSH_COMMAND</c>, which names the key by
/// <see cref="KeyFileVariable"/>. No prompt, no system or user config, no credential helper (nothing
/// asked for or stored elsewhere).
/// </summary>
public static class GitEnvironment
{
    /// <summary>Holds the token file's path for the askpass script.</summary>
    public const string TokenFileVariable = "OCI_CLEANUP_GIT_TOKEN_FILE";

    /// <summary>Holds the ssh key file's path for <c>GIT_SSH_COMMAND</c>.</summary>
    public const string KeyFileVariable = "OCI_CLEANUP_GIT_SSH_KEY";

    /// <summary>The variables to set; <paramref name="askPass"/> is the script's path (used with a token file only).</summary>
    public static IReadOnlyDictionary<string, string> For(GitSourceOptions options, string askPass)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["GIT_TERMINAL_PROMPT"] = "0",
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_CONFIG_GLOBAL"] = "/dev/null",
            ["GIT_CONFIG_COUNT"] = "1",
            // An empty helper list: no helper of the host supplies or stores credentials for this fetch.
            ["GIT_CONFIG_KEY_0"] = "credential.helper",
            ["GIT_CONFIG_VALUE_0"] = "",
            ["LC_ALL"] = "C",
            // A mistyped path must not make git search the parent folders for some other repository.
            ["GIT_CEILING_DIRECTORIES"] = "/",
            ["SSH_ASKPASS"] = "",
            ["GIT_ASKPASS"] = askPass,
        };
        if (options.TokenFile is { } token)
        {
            variables[TokenFileVariable] = Path.GetFullPath(token);
        }

        if (options.SshKeyFile is { } key)
        {
            variables[KeyFileVariable] = Path.GetFullPath(key);
            // The shell git runs this with expands the variable; BatchMode: an unknown host key or a key
            // with a passphrase fails instead of waiting for a person.
            variables["GIT_SSH_COMMAND"] = $"ssh -i \"${KeyFileVariable}\" -o IdentitiesOnly=yes -o BatchMode=yes";
        }

        return variables;
    }
}
