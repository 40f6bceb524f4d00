namespace OciCleanup.Cleaner.Reporting;

/// <summary>
/// A digest as people compare it in a table: the first 12 hex characters after <c>sha256:</c>, as
/// <c>docker images</c> shows an image id. Tags of one build share it; the JSON keeps it whole.
/// </summary>
internal static class ShortDigest
{
    public const int Length = 12;

    public static string Of(string? digest)
    {
        if (digest is null)
        {
            return "";
        }

        var colon = digest.IndexOf(':', StringComparison.Ordinal);
        var hex = colon < 0 ? digest : digest[(colon + 1)..];
        return hex.Length > Length ? hex[..Length] : hex;
    }
}
