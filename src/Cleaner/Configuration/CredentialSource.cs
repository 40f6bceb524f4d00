namespace OciCleanup.Cleaner.Configuration;

/// <summary>Where a secret lives: a file or an environment variable. Never holds the secret itself.</summary>
internal sealed record CredentialSource(string? File, string? EnvironmentVariable)
{
    /// <summary>Reads the secret, trimmed. Errors name the source, never the value.</summary>
    public string Read() => TryRead(out var secret, out var problem) ? secret : throw new InvalidOperationException(problem);

    /// <summary>Why the secret cannot be read (<c>credential file /x does not exist</c>), or null: what <c>config check</c> and a run check before any request.</summary>
    public string? Problem() => TryRead(out _, out var problem) ? null : problem;

    private bool TryRead(out string secret, out string problem)
    {
        (secret, problem) = ("", "");
        if (File is not null)
        {
            try
            {
                secret = System.IO.File.ReadAllText(File).Trim();
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                problem = $"credential file {File} does not exist";
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                problem = $"credential file {File} cannot be read: permission denied";
                return false;
            }
            catch (IOException e)
            {
                problem = $"credential file {File} cannot be read: {e.Message.TrimEnd('.')}";
                return false;
            }

            problem = secret.Length == 0 ? $"credential file {File} is empty" : "";
            return secret.Length > 0;
        }

        secret = Environment.GetEnvironmentVariable(EnvironmentVariable!)?.Trim() ?? "";
        problem = secret.Length == 0 ? $"environment variable {EnvironmentVariable} is not set" : "";
        return secret.Length > 0;
    }

    public override string ToString() => File is not null ? $"file {File}" : $"env {EnvironmentVariable}";
}
