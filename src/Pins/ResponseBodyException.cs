namespace OciCleanup.Pins;

/// <summary>
/// A response body was refused or cut off: larger than the limit for what it is, or not read within its
/// deadline. An <see cref="IOException"/>, so whoever already handles a body cut short handles this too;
/// the message says which bound was hit and never holds a byte of the body.
/// </summary>
/// <param name="message">Which bound, e.g. <c>the body is larger than the 4 MiB limit</c>.</param>
public sealed class ResponseBodyException(string message) : IOException(message)
{
    /// <summary>A size for people: <c>4 MiB</c>, <c>32 MiB</c>, <c>512 KiB</c>.</summary>
    /// <param name="bytes">The size in bytes.</param>
    public static string Size(long bytes) =>
        bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MiB" : bytes % 1024 == 0 ? $"{bytes / 1024} KiB" : $"{bytes} bytes";
}
