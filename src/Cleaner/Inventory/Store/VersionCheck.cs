using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OciCleanup.Cleaner.Inventory.Store;

/// <summary>
/// 64 bits of sha256 over what identifies a listed version besides its id: owner, type, name,
/// version and creation time. Stable across processes (unlike <see cref="HashCode"/>).
/// </summary>
internal static class VersionCheck
{
    public static ulong Of(PackageVersion version)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{version.Owner}\n{version.Type}\n{version.Name}\n{version.Version}\n{version.CreatedAt.UtcTicks}");
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }
}
