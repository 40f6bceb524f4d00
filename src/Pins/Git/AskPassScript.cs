namespace OciCleanup.Pins.Git;

/// <summary>
/// The <c>GIT_ASKPASS</c> program: git runs it with its prompt and reads the answer from its output.
/// It answers the password prompt with the token file's content and the user-name prompt with a fixed
/// name (GitHub, Gitea and GitLab take any user name with a token; a name in the URL is used as it is).
/// Without a token file it answers nothing, so git fails instead of waiting.
/// </summary>
public static class AskPassScript
{
    /// <summary>The user name sent with a token when the URL names none.</summary>
    public const string UserName = "oci-cleanup";

    private const string Text = $$"""
        #!/bin/sh
        # Written by oci-cleanup: answers git's credential prompts from the token file it is told of.
        case "$1" in
          Username*) printf '%s\n' '{{UserName}}' ;;
          Password*) [ -n "${{{GitEnvironment.TokenFileVariable}}}" ] && head -n 1 "${{{GitEnvironment.TokenFileVariable}}}" | tr -d '\r\n' ;;
        esac
        """;

    /// <summary>Writes the script into <paramref name="folder"/> (owner-only) unless it is there unchanged; returns its path.</summary>
    public static string Ensure(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "askpass.sh");
        var text = Text.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
        if (!File.Exists(path) || File.ReadAllText(path) != text)
        {
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, text);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            File.Move(temporary, path, overwrite: true);
        }

        return path;
    }
}
