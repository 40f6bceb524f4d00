using System.Security.Cryptography;
using System.Text;
using OciCleanup.Pins;

namespace OciCleanup.Cleaner.Inventory.Store;

/// <summary>
/// One stored manifest's file: its media type in ASCII, a newline, then the bytes exactly as the
/// registry served them (so the digest is computed over the same bytes it was computed over then).
/// </summary>
internal static class StoredManifest
{
    /// <summary>RFC 6838 bounds a media type's name to 127 + 1 + 127 characters.</summary>
    public const int MaxMediaTypeLength = 255;

    /// <summary>Whether <paramref name="mediaType"/> fits on the header line: printable ASCII, no newline.</summary>
    public static bool CanEncode(string? mediaType) =>
        !string.IsNullOrEmpty(mediaType) && mediaType.Length <= MaxMediaTypeLength && !mediaType.AsSpan().ContainsAnyExceptInRange('!', '~');

    public static void Encode(Stream file, RawManifest manifest)
    {
        file.Write(Encoding.ASCII.GetBytes(manifest.MediaType));
        file.WriteByte((byte)'\n');
        file.Write(manifest.Bytes);
    }

    /// <summary>The manifest in <paramref name="content"/> when it hashes to <paramref name="expected"/> under a well-formed header; else null.</summary>
    public static RawManifest? Decode(ReadOnlySpan<byte> content, Digest expected)
    {
        var newline = content[..Math.Min(content.Length, MaxMediaTypeLength + 1)].IndexOf((byte)'\n');
        if (newline <= 0)
        {
            return null;
        }

        var mediaType = Encoding.ASCII.GetString(content[..newline]);
        var bytes = content[(newline + 1)..];
        if (!CanEncode(mediaType) || !Convert.ToHexStringLower(SHA256.HashData(bytes)).Equals(expected.Hex, StringComparison.Ordinal))
        {
            return null;
        }

        return new RawManifest(bytes.ToArray(), ManifestMediaTypes.Shared(mediaType) ?? mediaType);
    }
}
