using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OciCleanup.Pins;

namespace OciCleanup.Cleaner.Inventory.Store;

/// <summary>
/// The text of a <see cref="VersionIdentityStore"/> file: a magic line, the owner line, then
/// <c>id TAB check TAB digest TAB mediaType</c> per version, then <c>end TAB count TAB sha256</c> of
/// every line before it — so a file cut short, edited or flipped by a disk is refused, not half believed.
/// </summary>
internal static class KnownVersionsFile
{
    /// <summary>The entries of the described container versions that the file can hold, by version id.</summary>
    public static IEnumerable<(long Id, KnownVersion Entry)> EntriesOf(IEnumerable<PackageVersion> described) =>
        described.Where(v => v.Type == "container" && v.Id is not null && v.Digest is not null && StoredManifest.CanEncode(v.MediaType))
            .Select(v => (v.Id!.Value, new KnownVersion(VersionCheck.Of(v), v.Digest!.Value, v.MediaType!)));

    public static void Write(Stream file, string magic, string owner, IEnumerable<(long Id, KnownVersion Entry)> entries)
    {
        using var writer = new StreamWriter(file, new UTF8Encoding(false), 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Line(string line)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(line + "\n"));
            writer.WriteLine(line);
        }

        Line(magic);
        Line(owner);
        var count = 0;
        foreach (var (id, entry) in entries)
        {
            Line(string.Create(CultureInfo.InvariantCulture, $"{id}\t{entry.Check:x16}\t{entry.Digest}\t{entry.MediaType}"));
            count++;
        }

        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"end\t{count}\t{Convert.ToHexStringLower(hash.GetHashAndReset())}"));
    }

    /// <summary>The entries, or null when anything is not as <see cref="Write"/> makes it.</summary>
    public static Dictionary<long, KnownVersion>? Read(TextReader reader, string magic, string owner, int maxEntries)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        string? Line()
        {
            var line = reader.ReadLine();
            if (line is not null && !line.StartsWith("end\t", StringComparison.Ordinal))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(line + "\n"));
            }

            return line;
        }

        if (Line() != magic || Line() != owner)
        {
            return null;
        }

        var known = new Dictionary<long, KnownVersion>();
        for (var line = Line(); line is not null; line = Line())
        {
            var fields = line.Split('\t');
            if (fields is ["end", var count, var sum])
            {
                return count == known.Count.ToString(CultureInfo.InvariantCulture) && sum == Convert.ToHexStringLower(hash.GetHashAndReset()) && reader.ReadLine() is null ? known : null;
            }

            if (known.Count >= maxEntries || fields is not [var id, var check, var digest, var mediaType]
                || !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var versionId)
                || !ulong.TryParse(check, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var checkValue)
                || !Digest.TryParse(digest, out var parsed) || !StoredManifest.CanEncode(mediaType)
                || !known.TryAdd(versionId, new KnownVersion(checkValue, parsed.Value, ManifestMediaTypes.Shared(mediaType)!)))
            {
                return null;
            }
        }

        return null;
    }
}
