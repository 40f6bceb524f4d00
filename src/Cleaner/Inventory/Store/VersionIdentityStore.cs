using System.Security.Cryptography;
using System.Text;

namespace OciCleanup.Cleaner.Inventory.Store;

/// <summary>
/// Per registry, what each listed version resolved to (<c>stateDir/manifests/versions/&lt;registry&gt;.tsv</c>):
/// on Gitea a version's id is replaced when its tag is re-pushed, so (id → digest, media
/// type) never changes and a version seen before needs no HEAD. One line per version; the header names
/// the registry and its URL (another server under the same name starts empty), the last line the count
/// (a cut file is refused). A cache: a missing file is empty, a damaged one is empty with a note. Each
/// save holds exactly the versions just listed, so what is no longer listed is gone with it.
/// </summary>
internal sealed class VersionIdentityStore(string stateDir, string registry, Uri url)
{
    public const string FolderName = "versions";

    /// <summary>A bound on what is read back: ten times the 100k-version fleet.</summary>
    public const int MaxEntries = 1_000_000;

    private const string Magic = "oci-cleanup known-versions 1";

    public string FilePath { get; } = Path.Combine(stateDir, ManifestBodyStore.FolderName, FolderName, FileNameOf(registry));

    private string Owner => $"for\t{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{registry}\n{url}")))}";

    /// <summary>The known versions by id; empty when there is no file, and then with a note when there was one that could not be used.</summary>
    public (Dictionary<long, KnownVersion> Known, string? Note) Load()
    {
        try
        {
            SafeFiles.RefuseLink(FilePath);
            if (!File.Exists(FilePath))
            {
                return ([], null);
            }

            using var reader = new StreamReader(SafeFiles.OpenRead(FilePath), Encoding.UTF8);
            return KnownVersionsFile.Read(reader, Magic, Owner, MaxEntries) is { } known
                ? (known, null)
                : ([], $"{FilePath} is not the file this program writes for registry {registry} at {url}: every version is read again");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or LinkRefusedException)
        {
            return ([], $"{FilePath} cannot be read ({e.Message}): every version is read again");
        }
    }

    /// <summary>Replaces the file with the described container versions; a message when it cannot.</summary>
    public string? Save(IEnumerable<PackageVersion> described) => Write(KnownVersionsFile.EntriesOf(described));

    /// <summary>
    /// Drops the entries of <paramref name="ids"/>, which a live read contradicted, so that the next run reads
    /// those versions from the registry again instead of re-saving what it read here. How many were dropped,
    /// or a message when the file cannot be rewritten; a file that cannot be read is read by no run either.
    /// </summary>
    public (int Dropped, string? Error) Forget(IReadOnlySet<long> ids)
    {
        var (known, note) = Load();
        var dropped = known.Keys.Count(ids.Contains);
        return note is not null || dropped == 0 ? (0, null) : (dropped, Write(known.Where(e => !ids.Contains(e.Key)).Select(e => (e.Key, e.Value))));
    }

    private string? Write(IEnumerable<(long Id, KnownVersion Entry)> entries)
    {
        try
        {
            var folder = Path.GetDirectoryName(FilePath)!;
            SafeFiles.EnsureFolder(Path.GetDirectoryName(folder)!, SafeFiles.PrivateFolder, SafeFiles.FolderCeiling);
            SafeFiles.EnsureFolder(folder, SafeFiles.PrivateFolder, SafeFiles.FolderCeiling);
            SafeFiles.WriteAtomic(FilePath, file => KnownVersionsFile.Write(file, Magic, Owner, entries), SafeFiles.PrivateFile);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or LinkRefusedException)
        {
            return $"{FilePath} not saved ({e.Message}): the next run reads every version again";
        }
    }

    /// <summary>The registry's name when it is a plain file name, else a hash of it.</summary>
    private static string FileNameOf(string registry) =>
        registry.Length is > 0 and <= 64 && registry.AsSpan().IndexOfAnyExcept(PlainName) < 0 && registry[0] != '.'
            ? $"{registry}.tsv"
            : $"sha256-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(registry)))[..16]}.tsv";

    private static readonly System.Buffers.SearchValues<char> PlainName =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-");
}
