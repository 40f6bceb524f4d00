namespace OciCleanup.Cleaner.Configuration;

/// <summary>Where a secret lives: a file or an environment variable. Never holds the secret itself.</summary>
internal sealed record CredentialSource(string? File, string? EnvironmentVariable)
{
    /// <summary>Reads the secret, trimmed. Errors name the source, never the value.</summary>
    public string Read()
    {
        if (File is not null)
        {
            try
            {
                return System.IO.File.ReadAllText(File).Trim();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InvalidOperationException($"cannot read credential file {File}: {e.GetType().Name}", e);
            }
        }

        var value = Environment.GetEnvironmentVariable(EnvironmentVariable!);
        return string.IsNullOrEmpty(value)
            ? throw new InvalidOperationException($"environment variable {EnvironmentVariable} is not set")
            : value.Trim();
    }

    public override string ToString() => File is not null ? $"file {File}" : $"env {EnvironmentVariable}";
}
